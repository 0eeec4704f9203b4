// Product codes, abbreviations, grades and model numbers in a query ("PC/ABS", "ABS", "UL94",
// "V-0", "6061-T6", "SUS304", "LiFePO4") name a thing exactly: a dictionary turns them into
// nonsense ("PC/ABS" -> 个人电脑 安倍 亚伯) and prefix search into other words ("ABS" ->
// "absolute"). They are searched as written and never translated. Pure.

// Latin/digit tokens, joined by the characters codes are written with ("/", "-", ".", "+").
const CODE_CANDIDATE = /[A-Za-z0-9]+(?:[/.+\-][A-Za-z0-9]+)*\+?/g;

/**
 * Whether a Latin token is a code rather than a word: it holds a digit or a slash, or it is an
 * acronym (two or more capitals, no lower-case letter).
 */
export function isProductCode(token: string): boolean {
  if (/\d/.test(token) || token.includes("/")) return true;
  return /[A-Z].*[A-Z]/.test(token) && !/[a-z]/.test(token);
}

/** The codes in a query, in order, each once. */
export function productCodes(q: string): string[] {
  const codes = (q.normalize("NFKC").match(CODE_CANDIDATE) ?? []).filter(isProductCode);
  return [...new Set(codes)];
}

/** The query without its codes (what may go through a dictionary). */
export function withoutProductCodes(q: string): string {
  return q.normalize("NFKC").replace(CODE_CANDIDATE, (token) => (isProductCode(token) ? " " : token)).replace(/\s+/g, " ").trim();
}

/** Whether the query's last token is a code (Meilisearch would prefix-match it: ABS -> absolute). */
export function endsWithProductCode(q: string): boolean {
  const last = q.normalize("NFKC").trimEnd().match(/[A-Za-z0-9]+(?:[/.+\-][A-Za-z0-9]+)*\+?$/);
  return !!last && isProductCode(last[0]);
}
