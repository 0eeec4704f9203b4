import { describe, expect, it } from "vitest";
import { clip, hreflangAlternates, publicPageMetadata } from "./public-metadata";

describe("public page metadata", () => {
  it("gives a canonical URL, hreflang alternates for both locales and Open Graph tags", () => {
    const m = publicPageMetadata({
      locale: "en",
      path: "/needs/n1",
      title: "Low-temperature charging",
      description: "We need **faster** charging.",
      siteName: "TechBridge",
      type: "article",
    });
    expect(m.alternates).toEqual({
      canonical: "/en/needs/n1",
      languages: { "zh-CN": "/zh-CN/needs/n1", en: "/en/needs/n1", "x-default": "/zh-CN/needs/n1" },
    });
    expect(m.openGraph).toMatchObject({ type: "article", url: "/en/needs/n1", locale: "en_US", alternateLocale: ["zh_CN"], title: "Low-temperature charging" });
    expect(m.description).toBe("We need faster charging.");
  });
  it("the home page has no trailing slash; long text is clipped", () => {
    expect(hreflangAlternates("/")["zh-CN"]).toBe("/zh-CN");
    expect(clip("字".repeat(300), 10)).toHaveLength(10);
  });
});
