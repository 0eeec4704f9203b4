// Highlight segments: Meilisearch marks matches with our own control-character tags, and we
// split on them so the UI renders plain text segments (no HTML from the index is ever injected).
export const PRE = "\u0002";
export const POST = "\u0003";

export type Segment = { text: string; match: boolean };

export function toSegments(formatted: unknown): Segment[] {
  if (typeof formatted !== "string" || formatted === "") return [];
  const out: Segment[] = [];
  let rest = formatted;
  while (rest.length) {
    const s = rest.indexOf(PRE);
    if (s < 0) {
      out.push({ text: rest, match: false });
      break;
    }
    if (s > 0) out.push({ text: rest.slice(0, s), match: false });
    const e = rest.indexOf(POST, s + 1);
    const end = e < 0 ? rest.length : e;
    out.push({ text: rest.slice(s + 1, end), match: true });
    rest = e < 0 ? "" : rest.slice(e + 1);
  }
  return out.filter((x) => x.text.length > 0);
}

/**
 * Segments as the search page's hit list takes them (components/search/hit-list.tsx, `CompactText`):
 * the fallback text alone when there are no segments; else plain text and matches alternating,
 * starting with plain text ("" where there is none). Pure.
 */
export function compactSegments(segments: Segment[], fallback: string): string | string[] {
  if (segments.length === 0) return fallback;
  const out: string[] = [];
  for (const s of segments) {
    // Even slots are plain text, odd slots matches: an empty slot keeps the alternation.
    if (s.match === (out.length % 2 === 0)) out.push("");
    out.push(s.text);
  }
  return out;
}
