// Why a page asks a visitor to sign in, from the path they were on (the sign-in page's
// callbackUrl): a key of messages auth.why.*, so the sign-in form is never a bare wall. Pure.
export const SIGN_IN_REASONS = ["contact", "postNeed", "postResult", "access", "deals", "notifications", "account", "staff", "member"] as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

const RULES: [RegExp, SignInReason][] = [
  [/^\/needs\/[^/]+\?.*\bcontact=/, "contact"],
  [/^\/results\/[^/]+\?.*\bcontact=/, "contact"],
  [/^\/contacts(\/|$)/, "contact"],
  [/^\/needs\/(new|wizard)(\/|$|\?)/, "postNeed"],
  [/^\/needs\/[^/]+\/(edit|wizard)(\/|$|\?)/, "postNeed"],
  [/^\/results\/(new|import)(\/|$|\?)/, "postResult"],
  [/^\/needs\/[^/]+\/(access|requests|audit)(\/|$|\?)/, "access"],
  [/^\/(deals|proposals)(\/|$|\?)/, "deals"],
  [/^\/notifications(\/|$|\?)/, "notifications"],
  [/^\/(account|expertise|dashboard)(\/|$|\?)/, "account"],
  [/^\/(broker|admin|analytics|visits)(\/|$|\?)/, "staff"],
];

/** The reason for a same-origin path such as "/zh-CN/deals/abc" (the locale prefix is ignored). */
export function signInReasonFor(path: string | null | undefined): SignInReason | null {
  if (!path) return null;
  const rest = path.replace(/^\/(zh-CN|en)(?=\/|$|\?)/, "") || "/";
  for (const [re, reason] of RULES) if (re.test(rest)) return reason;
  return rest === "/" ? null : "member";
}
