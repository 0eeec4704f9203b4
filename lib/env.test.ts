import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env validates the environment when it is first imported (server start).
const VALID = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/techbridge",
  MEILI_URL: "http://localhost:7700",
  MEILI_MASTER_KEY: "0123456789abcdef0123",
  NEXTAUTH_URL: "https://techbridge.example.cn",
  NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef",
  SMTP_URL: "smtp://localhost:25",
};

async function load(overrides: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ ...VALID, ...overrides })) vi.stubEnv(k, v);
  return (await import("./env")).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("env", () => {
  it("accepts a valid environment and reads SEARCH_CACHE_TTL_MS as milliseconds", async () => {
    expect((await load({ SEARCH_CACHE_TTL_MS: "5000" })).SEARCH_CACHE_TTL_MS).toBe(5000);
  });

  it.each([
    ["-5", "must be 0 (off) or more"],
    ["1.5", "must be a whole number of milliseconds"],
    ["soon", "must be a number of milliseconds"],
  ])("refuses SEARCH_CACHE_TTL_MS=%s, naming the variable", async (value, message) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(load({ SEARCH_CACHE_TTL_MS: value })).rejects.toThrow(`SEARCH_CACHE_TTL_MS: ${message}`);
  });
});
