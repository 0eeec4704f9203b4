import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginPath } from "./safe-redirect";

const ORIGIN = "https://techbridge.example.cn";

// Each value as it reaches the server after the query string was decoded once (what Next's
// searchParams and next-auth hand us), with the probe's two findings first.
const HOSTILE: [string, string][] = [
  ["backslash after the slash (probe: callbackUrl=/%5Cevil.example/x)", "/\\evil.example/x"],
  ["tab between slashes (probe: callbackUrl=/%09/evil.example/x)", "/\t/evil.example/x"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/zh-CN/needs"],
  ["two backslashes", "\\\\evil.example"],
  ["slash backslash backslash", "/\\\\evil.example"],
  ["backslash slash", "\\/evil.example"],
  ["absolute http URL elsewhere", "https://evil.example/x"],
  ["absolute URL with our host as user info", "https://techbridge.example.cn@evil.example/"],
  ["our origin with credentials", "https://user:pw@techbridge.example.cn/x"],
  ["our host over plain http", "http://techbridge.example.cn/x"],
  ["our host on another port", "https://techbridge.example.cn:8443/x"],
  ["look-alike host", "https://techbridge.example.cn.evil.example/x"],
  ["javascript: URL", "javascript:alert(document.cookie)"],
  ["javascript: URL, mixed case", "JaVaScRiPt:alert(1)"],
  ["javascript: URL after a tab", "java\tscript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["newline between slashes", "/\n/evil.example"],
  ["carriage return between slashes", "/\r/evil.example"],
  ["leading space before protocol-relative", " //evil.example"],
  ["leading tab", "\t/zh-CN/needs"],
  ["trailing newline", "/zh-CN/needs\n"],
  ["NUL byte", "/\u0000/evil.example"],
  ["C1 control", "/\u0085/evil.example"],
  ["relative without slash", "evil.example/x"],
  ["query only", "?next=//evil.example"],
  ["dot segments collapsing to //", "/.//evil.example"],
  ["empty", ""],
  ["too long", `/${"a".repeat(5000)}`],
];

describe("sameOriginPath", () => {
  // What a browser makes of a redirect target: it drops tabs and newlines and reads "\" as "/".
  const asBrowserReadsIt = (path: string) => new URL(path.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), ORIGIN);

  it.each(HOSTILE)("never leaves the site for %s", (_label, value) => {
    const path = sameOriginPath(value, ORIGIN);
    if (path === null) return;
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(asBrowserReadsIt(path).origin).toBe(ORIGIN);
  });

  it.each(HOSTILE.filter(([label]) => label !== "dot segments collapsing to //"))("returns null for %s", (_label, value) => {
    expect(sameOriginPath(value, ORIGIN)).toBeNull();
  });

  it("keeps dot-segment paths on this site with a single leading slash", () => {
    expect(sameOriginPath("/.//evil.example", ORIGIN)).toBe("/evil.example");
    expect(sameOriginPath("/a/..//evil.example/x", ORIGIN)).toBe("/evil.example/x");
  });

  it("treats still-encoded values as paths on this site (they are not decoded again)", () => {
    expect(sameOriginPath("/%5Cevil.example/x", ORIGIN)).toBe("/%5Cevil.example/x");
    expect(sameOriginPath("/%09/evil.example/x", ORIGIN)).toBe("/%09/evil.example/x");
    expect(sameOriginPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
  });

  it("refuses non-strings", () => {
    for (const v of [undefined, null, 42, ["/zh-CN"], { href: "/zh-CN" }]) expect(sameOriginPath(v, ORIGIN)).toBeNull();
  });

  it("accepts paths on this site, keeping query and fragment", () => {
    expect(sameOriginPath("/zh-CN/needs", ORIGIN)).toBe("/zh-CN/needs");
    expect(sameOriginPath("/en/needs?q=battery%20cell&page=2#top", ORIGIN)).toBe("/en/needs?q=battery%20cell&page=2#top");
    expect(sameOriginPath("/zh-CN/needs?q=电池 材料", ORIGIN)).toBe("/zh-CN/needs?q=%E7%94%B5%E6%B1%A0%20%E6%9D%90%E6%96%99");
    expect(sameOriginPath("/zh-CN/notifications/abc/open", ORIGIN)).toBe("/zh-CN/notifications/abc/open");
  });

  it("accepts absolute URLs of exactly this origin, as a path", () => {
    expect(sameOriginPath("https://techbridge.example.cn/zh-CN/needs?x=1", ORIGIN)).toBe("/zh-CN/needs?x=1");
    expect(sameOriginPath("https://TECHBRIDGE.example.cn", ORIGIN)).toBe("/");
    expect(sameOriginPath("http://127.0.0.1:3400/en/deals", "http://127.0.0.1:3400")).toBe("/en/deals");
  });
});

describe("safeRedirectPath", () => {
  it("falls back for anything that is not a path on this site", () => {
    expect(safeRedirectPath("/\\evil.example/x", ORIGIN, "/zh-CN/needs")).toBe("/zh-CN/needs");
    expect(safeRedirectPath(undefined, ORIGIN, "/en/needs")).toBe("/en/needs");
    expect(safeRedirectPath("/en/results", ORIGIN, "/en/needs")).toBe("/en/results");
  });
});
