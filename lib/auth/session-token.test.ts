import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, sessionKey } from "./session-token";

const secret = "a-test-secret-that-is-at-least-32-characters-long";

describe("session token decoding with a per-process key", () => {
  it("reads what next-auth encodes, as next-auth's decode reads it", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret });
    const ours = await decodeSessionToken(token, secret);
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject({ uid: "u1", sid: "s1" });
  });

  it("derives the key once per secret", () => {
    expect(sessionKey(secret)).toBe(sessionKey(secret));
    expect(sessionKey(secret)).not.toEqual(sessionKey(`${secret}x`));
    expect(sessionKey(secret).byteLength).toBe(32);
  });

  it("rejects a token under another secret, a tampered token and an expired token", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret });
    await expect(decodeSessionToken(token, `${secret}-other`)).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionToken(parts.join("."), secret)).rejects.toThrow();
    // next-auth's maxAge sets exp; 15 s of clock tolerance, as next-auth's decode.
    const expired = await encode({ token: { uid: "u1", sid: "s1" }, secret, maxAge: -60 });
    await expect(decodeSessionToken(expired, secret)).rejects.toThrow();
    await expect(decode({ token: expired, secret })).rejects.toThrow();
    const withinTolerance = await encode({ token: { uid: "u1", sid: "s1" }, secret, maxAge: -5 });
    await expect(decodeSessionToken(withinTolerance, secret)).resolves.toMatchObject({ uid: "u1" });
  });
});
