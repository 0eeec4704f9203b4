// Product codes, abbreviations, grades and model numbers in a query ("PC/ABS", "ABS", "UL94",
// "V-0", "6061-T6", "SUS304", "LiFePO4") name a thing exactly: a dictionary turns them into
// nonsense ("PC/ABS" -> 个人电脑 安倍 亚伯) and prefix search into other words ("ABS" ->
// "absolute"). They are searched as written and never translated. Pure.

// Latin/digit tokens, joined by the characters codes are written with ("/", "-", ".", "+").
const CODE_CANDIDATE = /[A-Za-z0-9]+(?:[/.+\-][A-Za-z0-9]+)*\+?/g;

// Material and component abbreviations people also type in lower case ("abs", "pvc"): without a
// capital letter nothing else tells them from a word, and Meilisearch would prefix-match "abs" into
// "absolute". Only abbreviations that are not everyday English words.
const LOWER_CASE_CODES = new Set(
  (
    "abs pc pp pe pet pvc pa pa6 pa66 pom pmma ps hips tpu tpe tpv pla pbt pps peek ptfe pvdf hdpe ldpe lldpe uhmwpe eva asa " +
    "epdm nbr sbr fkm pcb fpc cnc plc igbt mosfet rfid"
  ).split(" "),
);

/**
 * Whether a Latin token is a code rather than a word: it holds a digit, a slash or a plus, it is an
 * acronym (two or more capitals, no lower-case letter: ABS, PVDF), a known abbreviation written
 * in lower case (abs, pvc; not "Abs", a capitalised word), or it mixes case inside the word the
 * way chemical formulas and brand names do (LiFePO4, PVdF, iPhone).
 */
export function isProductCode(token: string): boolean {
  if (/\d/.test(token) || /[/+]/.test(token)) return true;
  if (LOWER_CASE_CODES.has(token) && token === token.toLowerCase()) return true;
  if (/[A-Z].*[A-Z]/.test(token) && !/[a-z]/.test(token)) return true;
  if (/^[A-Z]{2,6}s$/.test(token)) return true; // MOSFETs
  return /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(token) && token.length <= 12;
}

/** The codes in a query, in order, each once. */
export function productCodes(q: string): string[] {
  const codes = (q.normalize("NFKC").match(CODE_CANDIDATE) ?? []).filter(isProductCode);
  return [...new Set(codes)];
}

/** The query without its codes (what may go through a dictionary). */
export function withoutProductCodes(q: string): string {
  return q
    .normalize("NFKC")
    .replace(CODE_CANDIDATE, (token) => (isProductCode(token) ? " " : token))
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the query's last token is a code (Meilisearch would prefix-match it: ABS -> absolute). */
export function endsWithProductCode(q: string): boolean {
  const last = q
    .normalize("NFKC")
    .trimEnd()
    .match(/[A-Za-z0-9]+(?:[/.+\-][A-Za-z0-9]+)*\+?$/);
  return !!last && isProductCode(last[0]);
}

/** The lower-cased words inside the text's codes ("PC/ABS" -> pc, abs): what the matcher keeps as written. */
export function productCodeWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const code of productCodes(text)) for (const w of code.toLowerCase().split(/[^a-z0-9]+/)) if (w) out.add(w);
  return out;
}

/**
 * The query with each code as a phrase ("SUS304" -> "\"SUS304\""): Meilisearch matches a phrase
 * exactly, so a code neither prefix-matches other words (abs -> absolute) nor typo-matches other
 * codes (SUS304 -> SUS303). Codes starting with a digit stay as they are (Meilisearch 1.21 finds no
 * phrase "5G", "3D" or "3c1dc564", although it finds the word). A query already holding quotes is
 * left as the user wrote it.
 */
export function quoteProductCodes(q: string): string {
  if (q.includes('"')) return q;
  return q.normalize("NFKC").replace(CODE_CANDIDATE, (token) => (isProductCode(token) && /^[A-Za-z]/.test(token) ? `"${token}"` : token));
}
