import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

// next-auth v4's session cookie is a JWE (dir, A256GCM) under a key derived from NEXTAUTH_SECRET
// by HKDF (next-auth/jwt `getDerivedEncryptionKey`). Its `decode` derives that key again on every
// call (~1-2% of a signed-in page's server CPU, issue 18); the key depends only on the secret, so
// it is derived once per secret per process here. The token is checked as next-auth's `decode`
// checks it: the same library call (jose's jwtDecrypt) with the same clock tolerance.
const keys = new Map<string, Uint8Array>();

/** next-auth v4's encryption key for a secret (and salt: "" for the session cookie). */
export function sessionKey(secret: string, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** The claims of a next-auth v4 session token; throws if it is not valid (as next-auth's `decode`). */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15 });
  return payload;
}
