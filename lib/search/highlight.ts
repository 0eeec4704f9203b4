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
