import { describe, expect, it } from "vitest";
import { translateQuery } from "./translate-query";

// The first call loads the 2 MB dictionary extract: slow on a busy machine.
describe("translateQuery", { timeout: 30_000 }, () => {
  it("turns an English query into the Chinese terms of the thesaurus", () => {
    expect(translateQuery("attitude estimation")).toContain("姿态估计");
    expect(translateQuery("magnetic interference")).toContain("磁干扰");
  });
  it("turns a Chinese query into English phrases, a longer term hiding the shorter one inside it", () => {
    const english = translateQuery("可穿戴设备姿态估计").split(" ");
    expect(english).toEqual(expect.arrayContaining(["attitude", "estimation", "wearable", "device"]));
    expect(english).not.toContain("wearables");
  });
  it("returns nothing for an empty or untranslatable query", () => {
    expect(translateQuery("  ")).toBe("");
    expect(translateQuery("zzqx")).toBe("");
  });
});
