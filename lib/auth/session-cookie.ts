/**
 * The name of next-auth's session cookie: `__Secure-` prefixed when the app is served over https
 * (next-auth v4's default cookies, which lib/auth/options.ts does not override).
 */
export function sessionCookieName(appUrl: string | undefined): string {
  return `${appUrl?.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The session token from the request's cookies. next-auth splits a token over 4 KB into
 * `<name>.0`, `<name>.1`, ...: those are joined in order.
 */
export function readSessionToken(get: (name: string) => string | undefined, name: string): string | undefined {
  const whole = get(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; ; i++) {
    const part = get(`${name}.${i}`);
    if (part === undefined) break;
    joined += part;
  }
  return joined || undefined;
}
