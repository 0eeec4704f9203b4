import { describe, expect, it } from "vitest";
import { readSessionToken, sessionCookieName } from "./session-cookie";

describe("session cookie", () => {
  it("is __Secure- prefixed only behind https", () => {
    expect(sessionCookieName("https://techbridge.example.cn")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });

  it("reads a whole token, or joins next-auth's chunks in order", () => {
    const jar = (c: Record<string, string>) => (n: string) => c[n];
    expect(readSessionToken(jar({ s: "abc" }), "s")).toBe("abc");
    expect(readSessionToken(jar({ "s.1": "def", "s.0": "abc", "s.3": "zzz" }), "s")).toBe("abcdef");
    expect(readSessionToken(jar({}), "s")).toBeUndefined();
  });
});
