import { describe, expect, it } from "vitest";
import { normalizeIp, parseProxyTrust, ProxyTrustError, rateLimitKeyOf, resolveClientIp } from "./proxy-trust";

const NONE = parseProxyTrust({});
const ONE_HOP = parseProxyTrust({ TRUSTED_PROXY_HOPS: "1" });
const TWO_HOPS = parseProxyTrust({ TRUSTED_PROXY_HOPS: "2" });
// A load balancer in 10.0.0.0/8 and an nginx on 192.168.1.5 (and the IPv6 equivalent).
const CIDRS = parseProxyTrust({ TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.5 2001:db8:100::/48" });

describe("parseProxyTrust", () => {
  it("trusts no proxy unless told to", () => {
    expect(parseProxyTrust({}).kind).toBe("none");
    expect(parseProxyTrust({ TRUSTED_PROXY_HOPS: "", TRUSTED_PROXIES: "  " }).kind).toBe("none");
    expect(parseProxyTrust({ TRUSTED_PROXY_HOPS: "0" }).kind).toBe("none");
  });

  it("reads a hop count and a CIDR list", () => {
    expect(parseProxyTrust({ TRUSTED_PROXY_HOPS: " 2 " })).toEqual({ kind: "hops", hops: 2 });
    expect(CIDRS).toMatchObject({ kind: "cidrs", list: ["10.0.0.0/8", "192.168.1.5", "2001:db8:100::/48"] });
  });

  it.each([
    [{ TRUSTED_PROXY_HOPS: "1.5" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXY_HOPS: "11" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXY_HOPS: "true" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXIES: "10.0.0.0/8/1" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "10.0.0.0/x" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "10.0.0.256" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "2001:db8::/129" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "0.0.0.0/0" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "*" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXIES: "fe80::1%eth0" }, "TRUSTED_PROXIES"],
    [{ TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.1" }, "TRUSTED_PROXIES"],
  ])("refuses %o, naming %s", (vars, variable) => {
    expect(() => parseProxyTrust(vars)).toThrow(ProxyTrustError);
    expect(() => parseProxyTrust(vars)).toThrow(new RegExp(`^${variable}: `));
  });
});

describe("resolveClientIp with no trusted proxy (the default)", () => {
  it("is the socket peer whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("198.51.100.20", null, NONE)).toBe("198.51.100.20");
    expect(resolveClientIp("198.51.100.20", "203.0.113.9", NONE)).toBe("198.51.100.20");
    expect(resolveClientIp("198.51.100.20", "203.0.113.9, 10.0.0.1", NONE)).toBe("198.51.100.20");
    expect(resolveClientIp("::ffff:198.51.100.20", "1.1.1.1", NONE)).toBe("198.51.100.20");
  });

  it("is unknown without a peer address", () => {
    expect(resolveClientIp(null, "203.0.113.9", NONE)).toBeNull();
    expect(resolveClientIp("", "203.0.113.9", ONE_HOP)).toBeNull();
    expect(resolveClientIp("not-an-ip", "203.0.113.9", CIDRS)).toBeNull();
  });
});

describe("resolveClientIp with TRUSTED_PROXY_HOPS", () => {
  it("takes the address the outermost trusted proxy saw, ignoring what the client wrote", () => {
    // Client 203.0.113.9 sends a forged header; nginx (10.0.0.2, the peer) appends what it saw.
    expect(resolveClientIp("10.0.0.2", "203.0.113.9", ONE_HOP)).toBe("203.0.113.9");
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 203.0.113.9", ONE_HOP)).toBe("203.0.113.9");
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9", ONE_HOP)).toBe("203.0.113.9");
    // CDN -> nginx -> app: the CDN appended the client, nginx appended the CDN.
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 203.0.113.9, 172.16.0.9", TWO_HOPS)).toBe("203.0.113.9");
  });

  it("rotating the forged part does not change the result", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "9.9.9.9, 8.8.8.8", "", "unknown", "::1"].map((forged) =>
        resolveClientIp("10.0.0.2", forged ? `${forged}, 203.0.113.9` : "203.0.113.9", ONE_HOP),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("stops at the leftmost address when the request passed fewer proxies than configured", () => {
    expect(resolveClientIp("10.0.0.2", null, ONE_HOP)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "203.0.113.9", TWO_HOPS)).toBe("203.0.113.9");
  });

  it("never returns something that is not an IP address; stops at the last valid hop", () => {
    expect(resolveClientIp("10.0.0.2", "<script>", ONE_HOP)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "203.0.113.9, evil", TWO_HOPS)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "203.0.113.9,,", ONE_HOP)).toBe("203.0.113.9");
  });

  it("reads ports, brackets and IPv4-mapped forms as the plain address", () => {
    expect(resolveClientIp("10.0.0.2", "203.0.113.9:51234", ONE_HOP)).toBe("203.0.113.9");
    expect(resolveClientIp("10.0.0.2", "[2001:DB8::7]:443", ONE_HOP)).toBe("2001:db8::7");
    expect(resolveClientIp("10.0.0.2", "::ffff:203.0.113.9", ONE_HOP)).toBe("203.0.113.9");
  });
});

describe("resolveClientIp with TRUSTED_PROXIES", () => {
  it("walks left from the peer over trusted proxies to the first untrusted address", () => {
    expect(resolveClientIp("192.168.1.5", "203.0.113.9", CIDRS)).toBe("203.0.113.9");
    expect(resolveClientIp("192.168.1.5", "1.2.3.4, 203.0.113.9, 10.1.2.3", CIDRS)).toBe("203.0.113.9");
    expect(resolveClientIp("2001:db8:100::5", "2001:db8:ffff::9", CIDRS)).toBe("2001:db8:ffff::9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy (the proxy was bypassed)", () => {
    expect(resolveClientIp("198.51.100.20", "203.0.113.9, 10.0.0.1", CIDRS)).toBe("198.51.100.20");
    expect(resolveClientIp("192.168.1.6", "203.0.113.9", CIDRS)).toBe("192.168.1.6");
  });

  it("a forged trusted address on the left does not let the client choose", () => {
    // The client writes "1.2.3.4, 10.9.9.9" hoping the walk skips its own entry as a proxy.
    expect(resolveClientIp("192.168.1.5", "1.2.3.4, 10.9.9.9, 203.0.113.9", CIDRS)).toBe("203.0.113.9");
  });

  it("is the leftmost address when every hop is a trusted proxy", () => {
    expect(resolveClientIp("192.168.1.5", "10.0.0.7", CIDRS)).toBe("10.0.0.7");
    expect(resolveClientIp("192.168.1.5", null, CIDRS)).toBe("192.168.1.5");
  });
});

describe("normalizeIp", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["192.0.2.1:80", "192.0.2.1"],
    ["[::1]", "::1"],
    ["[2001:db8::1]:8443", "2001:db8::1"],
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["2001:DB8::1", "2001:db8::1"],
  ])("%s -> %s", (raw, ip) => expect(normalizeIp(raw)).toBe(ip));

  it.each(["", "unknown", "192.0.2", "192.0.2.1.5", "999.0.2.1", "fe80::1%eth0", "example.cn", "192.0.2.1:123456", "_hidden"])("refuses %j", (raw) => {
    expect(normalizeIp(raw)).toBeNull();
  });
});

describe("rateLimitKeyOf", () => {
  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(rateLimitKeyOf("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitKeyOf("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyOf("2001:db8:1:3::1")).not.toBe(rateLimitKeyOf("2001:db8:1:2::1"));
    expect(rateLimitKeyOf("::1")).toBe("0000:0000:0000:0000::/64");
    expect(rateLimitKeyOf("64:ff9b::192.0.2.1")).toBe("0064:ff9b:0000:0000::/64");
  });
});
