// The header with which the page cache asks the app for a page rendered with a placeholder nonce
// (lib/page-cache/anonymous-pages.ts fills, proxy.ts honours it). The placeholder is random per
// fill and signed with a key derived from NEXTAUTH_SECRET, so no client can choose the nonce its
// page is rendered with: a header that does not verify is ignored (the page gets a fresh nonce).
// Pure (Web Crypto, no server-only): proxy.ts and tests import it.

export const FILL_HEADER = "x-techbridge-page-fill";

const encoder = new TextEncoder();

async function hmac(secret: string, placeholder: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(`techbridge page cache fill\u0000${secret}`), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(placeholder)));
  return btoa(String.fromCharCode(...mac));
}

/** The header value asking for a render with `placeholder` as the nonce. */
export async function signFill(secret: string, placeholder: string): Promise<string> {
  return `${placeholder} ${await hmac(secret, placeholder)}`;
}

/** The placeholder nonce of a verified fill request, else null. */
export async function verifyFill(secret: string | undefined, header: string | null): Promise<string | null> {
  if (!secret || !header) return null;
  const [placeholder, mac, ...rest] = header.split(" ");
  if (!placeholder || !mac || rest.length > 0 || !/^[A-Za-z0-9+/]{22}==$/.test(placeholder)) return null;
  const expected = await hmac(secret, placeholder);
  // Constant-time comparison of two equal-length base64 strings.
  if (expected.length !== mac.length) return null;
  let diff = 0;
  for (let i = 0; i < mac.length; i++) diff |= expected.charCodeAt(i) ^ mac.charCodeAt(i);
  return diff === 0 ? placeholder : null;
}
