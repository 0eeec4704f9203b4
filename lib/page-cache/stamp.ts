// A page rendered once with a placeholder nonce, kept as the pieces between the placeholder's
// occurrences, and stamped with a fresh nonce for every response (lib/page-cache/anonymous-pages.ts).
// Pure: tests import it.

/** Response headers of the rendered page that are kept with it; everything else is per response. */
// Vary and the security headers are added to the cache route's response by Next and
// next.config.js, next-intl's Link alternates and locale cookie by proxy.ts for each visitor.
const KEPT_HEADERS = ["content-type", "cache-control", "content-language"];

// The pieces are kept as UTF-8 bytes: encoding a ~60 KB page of Chinese text on every response was
// the cached home page's largest single cost (issue 18 profile); joining bytes is a copy.
export type RenderedPage = { status: number; pieces: Buffer[]; headers: [string, string][]; cacheable: boolean };

/**
 * Splits a page rendered with `placeholder` as its nonce. It may be kept only if it is a 200 HTML
 * document without Set-Cookie whose scripts carry the placeholder (so the render really used it);
 * a kept header that holds the placeholder is stamped like the body.
 */
export function splitRendered(placeholder: string, status: number, headers: Headers, html: string): RenderedPage {
  const kept: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept.push([name, value]);
  }
  const cacheable =
    status === 200 && !headers.has("set-cookie") && (headers.get("content-type") ?? "").startsWith("text/html") && html.includes(`nonce="${placeholder}"`);
  return {
    status,
    pieces: html.split(placeholder).map((piece) => Buffer.from(piece, "utf8")),
    headers: kept.map(([n, v]) => [n, v.split(placeholder).join("\u0000")]),
    cacheable,
  };
}

/** The page's body (UTF-8) and headers with `nonce` wherever the placeholder was. */
export function stamp(page: RenderedPage, nonce: string): { body: Buffer; headers: [string, string][] } {
  if (!/^[A-Za-z0-9+/]{22}==$/.test(nonce)) throw new Error("not a nonce");
  const nonceBytes = Buffer.from(nonce, "latin1");
  const parts: Buffer[] = [];
  page.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(nonceBytes);
    parts.push(piece);
  });
  return { body: Buffer.concat(parts), headers: page.headers.map(([n, v]) => [n, v.split("\u0000").join(nonce)]) };
}
