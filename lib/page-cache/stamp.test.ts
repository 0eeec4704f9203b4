import { describe, expect, it } from "vitest";
import { newNonce } from "@/lib/security/csp";
import { splitRendered, stamp } from "./stamp";
import { signFill, verifyFill } from "./fill-token";

const html = (nonce: string) =>
  `<!DOCTYPE html><html><head><link rel="preload" as="script" nonce="${nonce}" href="/a.js"/></head><body><p>公开的需求</p>` +
  `<script nonce="${nonce}">self.__next_f.push([0])</script><script nonce="${nonce}">self.__next_f.push([1,"x"])</script></body></html>`;
const htmlHeaders = (extra: Record<string, string> = {}) =>
  new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store", ...extra });

describe("a page rendered with a placeholder nonce, stamped per response", () => {
  it("puts each response's own nonce wherever the placeholder was, and the placeholder nowhere", () => {
    const placeholder = newNonce();
    const page = splitRendered(placeholder, 200, htmlHeaders({ "content-language": `x-${placeholder}` }), html(placeholder));
    expect(page.cacheable).toBe(true);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const nonce = newNonce();
      const { body: bytes, headers } = stamp(page, nonce);
      const body = bytes.toString("utf8");
      expect(body).not.toContain(placeholder);
      expect(JSON.stringify(headers)).not.toContain(placeholder);
      expect(body).toBe(html(nonce));
      expect(new Headers(headers).get("content-language")).toBe(`x-${nonce}`);
      seen.add([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]).join());
    }
    expect(seen.size).toBe(20);
  });

  it("keeps only the page's own headers: never Set-Cookie, a CSP, a length or the fill's Link alternates", () => {
    const placeholder = newNonce();
    const page = splitRendered(
      placeholder,
      200,
      htmlHeaders({
        "content-security-policy": `script-src 'nonce-${placeholder}'`,
        "content-length": "9",
        etag: "x",
        link: "<http://localhost/zh-CN>; rel=alternate",
        vary: "rsc",
      }),
      html(placeholder),
    );
    expect(page.headers.map(([n]) => n).sort()).toEqual(["cache-control", "content-type"]);
  });

  it("is not kept when it sets a cookie, is not a 200 HTML page, or was not rendered with the placeholder", () => {
    const placeholder = newNonce();
    expect(splitRendered(placeholder, 200, htmlHeaders({ "set-cookie": "a=b" }), html(placeholder)).cacheable).toBe(false);
    expect(splitRendered(placeholder, 503, htmlHeaders(), html(placeholder)).cacheable).toBe(false);
    expect(splitRendered(placeholder, 200, new Headers({ "content-type": "application/json" }), html(placeholder)).cacheable).toBe(false);
    expect(splitRendered(placeholder, 200, htmlHeaders(), html(newNonce())).cacheable).toBe(false);
  });

  it("refuses to stamp anything that is not a nonce", () => {
    const placeholder = newNonce();
    const page = splitRendered(placeholder, 200, htmlHeaders(), html(placeholder));
    expect(() => stamp(page, `"><script>alert(1)</script>`)).toThrow();
  });
});

describe("the signed fill request", () => {
  it("is honoured only with the server's secret and an untouched placeholder", async () => {
    const placeholder = newNonce();
    const header = await signFill("secret-a", placeholder);
    expect(await verifyFill("secret-a", header)).toBe(placeholder);
    expect(await verifyFill("secret-b", header)).toBeNull();
    expect(await verifyFill(undefined, header)).toBeNull();
    expect(await verifyFill("secret-a", null)).toBeNull();
    expect(await verifyFill("secret-a", header.replace(placeholder, newNonce()))).toBeNull();
    expect(await verifyFill("secret-a", `${placeholder} `)).toBeNull();
    expect(await verifyFill("secret-a", `"><x ${header.split(" ")[1]}`)).toBeNull();
  });
});
