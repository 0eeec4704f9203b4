// Where to send a user after sign-in (callbackUrl): only somewhere on this site. The value comes
// from the query string, so it is hostile until proven otherwise. Browsers read "\" as "/" and
// drop tabs and newlines inside a URL, so "/\evil.example" and "/<TAB>/evil.example" both become
// "//evil.example" (another host) in the address bar although they look like paths here.
// Rules: no control characters, whitespace at either end or backslashes at all; the value,
// resolved against the site's origin, must keep that origin; what comes back is a path that
// starts with exactly one "/" (so no later reader can take it for a protocol-relative URL).

const MAX_LENGTH = 2048;
// C0 controls, DEL, and the C1 range: none belongs in a URL we hand to a browser.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The same-origin path (pathname + search + hash) that `value` points to, or null when it is not
 * one. `origin` is the site's origin, e.g. "https://techbridge.example.cn"; absolute URLs are
 * accepted only with exactly that origin.
 */
export function sameOriginPath(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (CONTROL.test(value) || value.includes("\\") || value.trim() !== value) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  // A relative value must be an absolute path ("/x"): "x" or "?q" would depend on the page it is
  // read on, and "//x" is another host (already refused by the origin check above).
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/")) return null;
  // Dot segments can make "/.//evil.example" a pathname of "//evil.example": keep one slash.
  const path = `/${url.pathname.replace(/^\/+/, "")}`;
  return `${path}${url.search}${url.hash}`;
}

/** `sameOriginPath`, or `fallback` when the value is not a path on this site. */
export function safeRedirectPath(value: unknown, origin: string, fallback: string): string {
  return sameOriginPath(value, origin) ?? fallback;
}
