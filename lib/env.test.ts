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
  vi.unstubAllEnvs();
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

  it("accepts TRUSTED_PROXY_HOPS or a TRUSTED_PROXIES list", async () => {
    expect((await load({ TRUSTED_PROXY_HOPS: "1" })).TRUSTED_PROXY_HOPS).toBe("1");
    expect((await load({ TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32,192.0.2.10" })).TRUSTED_PROXIES).toBe("10.0.0.0/8, 2001:db8::/32,192.0.2.10");
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: "one" }, "TRUSTED_PROXY_HOPS: must be the number of proxies in front of the app"],
    [{ TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS: must be the number of proxies in front of the app"],
    [{ TRUSTED_PROXY_HOPS: "99" }, "TRUSTED_PROXY_HOPS: must be the number of proxies in front of the app, 0 to 10"],
    [{ TRUSTED_PROXIES: "10.0.0.0/33" }, 'TRUSTED_PROXIES: "10.0.0.0/33" has a prefix length outside 0-32'],
    [{ TRUSTED_PROXIES: "0.0.0.0/0" }, 'TRUSTED_PROXIES: "0.0.0.0/0" trusts every address'],
    [{ TRUSTED_PROXIES: "::/0" }, 'TRUSTED_PROXIES: "::/0" trusts every address'],
    [{ TRUSTED_PROXIES: "proxy.internal" }, 'TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range'],
    [{ TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.1" }, "TRUSTED_PROXIES: set either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both"],
  ])("refuses %o, naming the variable", async (vars, message) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(load(vars)).rejects.toThrow(message);
  });
});
