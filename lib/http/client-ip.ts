// The caller's IP address as the proxy in front of the app reports it (first X-Forwarded-For
// hop, else X-Real-IP). Recorded with NDA acceptances and audit rows; never used for access.
export function clientIpFrom(headers: Pick<Headers, "get">): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  return ip && ip.length <= 64 ? ip : null;
}
