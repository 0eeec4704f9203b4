// "Matched terms" chips about a need, cut to what the viewer may read of it. Pure.
// The matcher explains a match by the analysed terms the need and the other side share; when the
// viewer reads only the need's teaser, a term found only in the hidden text (a figure, a unit,
// a material) must not be shown. This filter runs where chips are presented, over the same
// analysis the matcher uses, so it holds whatever the matcher does upstream.
import { analyze } from "@/lib/matching/terms";

type Term = { term: string; words: string[] };
type VisibleNeed = { access: "full" | "teaser"; title: string | null; teaser: string | null; field?: string | null; keywords?: string[] };

/** The need's text this viewer sees: all of it with full access, else title, teaser and field. */
export function visibleNeedText(need: VisibleNeed): string | null {
  if (need.access === "full") return null;
  return [need.title, need.teaser, need.field, ...(need.keywords ?? [])].filter(Boolean).join("\n");
}

/** A filter keeping the chips whose term occurs in the text the viewer may read of the need. */
export function visibleMatchTerms(need: VisibleNeed): <T extends Term>(terms: readonly T[]) => T[] {
  const text = visibleNeedText(need);
  if (text === null) return (terms) => [...terms];
  return termsIn(text);
}

/** A filter keeping the chips whose analysed term occurs in `text`. */
export function termsIn(text: string): <T extends Term>(terms: readonly T[]) => T[] {
  const visible = new Set(analyze(text));
  return (terms) => terms.filter((t) => visible.has(t.term));
}
