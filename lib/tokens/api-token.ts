import { createHash, randomBytes } from "node:crypto";

// Personal access tokens: shown once, stored only as a SHA-256 hash (they are long random
// secrets, so a fast hash is enough and keeps lookups indexable).
export const TOKEN_PREFIX = "tb_pat_";

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
