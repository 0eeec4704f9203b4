import { BlockList, isIP } from "node:net";

// Which proxies in front of the app may tell us the client's address (X-Forwarded-For), and the
// client address that follows from it. Each proxy appends the address it received the request
// from, so the header reads "<whatever the client sent>, <hop 1>, ..., <hop n>": the entries on
// the right were written by our proxies, everything further left by the client, who can write
// anything. The address is therefore read from the right, and only as far as trusted hops reach.
//
// - none (default): the TCP peer of the app's socket; X-Forwarded-For is ignored entirely.
// - TRUSTED_PROXY_HOPS=n: n proxies stand in front of the app; the client is the address the
//   outermost one saw (the n-th X-Forwarded-For entry from the right).
// - TRUSTED_PROXIES=cidr,...: walk leftwards from the socket peer while the address is one of these
//   proxies; the first address that is not is the client. Safer when a proxy can be bypassed.
// Pure (no env, no request): lib/env.ts validates the settings with parseProxyTrust at start-up.

export type ProxyTrust = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; blocks: BlockList; list: string[] };

export const MAX_TRUSTED_HOPS = 10;

export class ProxyTrustError extends Error {
  constructor(
    readonly variable: "TRUSTED_PROXY_HOPS" | "TRUSTED_PROXIES",
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = "ProxyTrustError";
  }
}

/** Reads TRUSTED_PROXY_HOPS / TRUSTED_PROXIES; throws ProxyTrustError naming the variable when malformed. */
export function parseProxyTrust(vars: { TRUSTED_PROXY_HOPS?: string | undefined; TRUSTED_PROXIES?: string | undefined }): ProxyTrust {
  const hopsRaw = vars.TRUSTED_PROXY_HOPS?.trim() || undefined;
  const proxiesRaw = vars.TRUSTED_PROXIES?.trim() || undefined;
  if (hopsRaw !== undefined && proxiesRaw !== undefined) {
    throw new ProxyTrustError("TRUSTED_PROXIES", "set either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both");
  }
  if (hopsRaw !== undefined) {
    if (!/^\d+$/.test(hopsRaw) || Number(hopsRaw) > MAX_TRUSTED_HOPS) {
      throw new ProxyTrustError(
        "TRUSTED_PROXY_HOPS",
        `must be the number of proxies in front of the app, 0 to ${MAX_TRUSTED_HOPS} (e.g. 1 behind one nginx); got "${hopsRaw}"`,
      );
    }
    const hops = Number(hopsRaw);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  if (proxiesRaw !== undefined) {
    const blocks = new BlockList();
    const list = proxiesRaw.split(/[\s,]+/).filter(Boolean);
    for (const entry of list) addCidr(blocks, entry);
    return { kind: "cidrs", blocks, list };
  }
  return { kind: "none" };
}

function addCidr(blocks: BlockList, entry: string): void {
  const [rawAddress, prefixText, extra] = entry.split("/");
  const address = normalizeIp(rawAddress ?? "");
  const family = address ? isIP(address) : 0;
  const max = family === 4 ? 32 : 128;
  const bad = (why: string) =>
    new ProxyTrustError("TRUSTED_PROXIES", `"${entry}" ${why}; expected a comma-separated list of addresses or CIDR ranges, e.g. 10.0.0.0/8,2001:db8::/32`);
  if (!address || !family || extra !== undefined) throw bad("is not an IP address or CIDR range");
  if (prefixText === undefined) {
    blocks.addAddress(address, family === 4 ? "ipv4" : "ipv6");
    return;
  }
  if (!/^\d+$/.test(prefixText) || Number(prefixText) > max) throw bad(`has a prefix length outside 0-${max}`);
  // A /0 would trust every address on the Internet to name the client: X-Forwarded-For as sent.
  if (Number(prefixText) === 0) throw bad("trusts every address (prefix /0)");
  blocks.addSubnet(address, Number(prefixText), family === 4 ? "ipv4" : "ipv6");
}

/**
 * An address as the proxies and the socket write it, in one form: brackets and a port dropped
 * ("[2001:db8::1]:443", "192.0.2.1:5678"), IPv4-mapped IPv6 ("::ffff:192.0.2.1") as IPv4, IPv6 in
 * lower case. Null when it is not an IP address.
 */
export function normalizeIp(value: string): string | null {
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  v = v.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(v);
  if (mapped) v = mapped[1]!;
  // Zone ids (fe80::1%eth0) name an interface of the machine, not a client.
  if (v.includes("%")) return null;
  return isIP(v) ? v : null;
}

/**
 * The client's address: the socket peer, or as far left in X-Forwarded-For as trusted proxies
 * reach. Null only when the peer itself is unknown. Never an entry that is not an IP address:
 * the walk stops at the last valid address written by a trusted hop.
 */
export function resolveClientIp(peer: string | null | undefined, forwardedFor: string | null | undefined, trust: ProxyTrust): string | null {
  const peerIp = peer ? normalizeIp(peer) : null;
  if (!peerIp) return null;
  if (trust.kind === "none") return peerIp;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map(normalizeIp);
  const chain = [...hops, peerIp];
  let at = chain.length - 1;
  const canStepLeft = () => at > 0 && chain[at - 1] !== null;
  if (trust.kind === "hops") {
    for (let h = 0; h < trust.hops && canStepLeft(); h++) at--;
  } else {
    while (isTrustedProxy(chain[at]!, trust.blocks) && canStepLeft()) at--;
  }
  return chain[at]!;
}

function isTrustedProxy(ip: string, blocks: BlockList): boolean {
  return blocks.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/**
 * The key per-IP rate limits count under: the address itself for IPv4, its /64 for IPv6 (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would let them rotate
 * through 2^64 keys).
 */
export function rateLimitKeyOf(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip;
}

function expandIpv6(ip: string): string[] | null {
  let v = ip;
  // A trailing dotted IPv4 part ("64:ff9b::192.0.2.1") is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    v = `${v.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = v.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  const groups = [...left, ...fill, ...right];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, "0")) : null;
}
