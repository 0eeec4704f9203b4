// An organisation's name in plain text (notifications, emails): the words of the "unverified"
// badge of components/orgs/org-name.tsx follow the name until a platform admin verifies it.
// `verified: null` (not known to the caller) names it as it is.
export function orgNameText(name: string, verified: boolean | null, lang: "zh" | "en"): string {
  if (verified !== false) return name;
  return lang === "en" ? `${name} (unverified)` : `${name}（未认证）`;
}
