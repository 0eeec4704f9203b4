// "Matched terms" chips about a need, cut to what the viewer may read of it. Pure.
// The matcher explains a match by the words the need and the other side share, each as written
// in the need (`needTerm`); when the viewer reads only the need's teaser, a word found only in
// the hidden text (a figure, a unit, a material) must not be shown. This filter runs where chips
// are presented, so it holds whatever the matcher does upstream.

type Chip = { needTerm: string };
type VisibleNeed = { access: "full" | "teaser"; title: string | null; teaser: string | null; field?: string | null; keywords?: string[] };

/** The need's text this viewer sees: all of it with full access, else title, teaser and field. */
export function visibleNeedText(need: VisibleNeed): string | null {
  if (need.access === "full") return null;
  return [need.title, need.teaser, need.field, ...(need.keywords ?? [])].filter(Boolean).join("\n");
}

/** A filter keeping the chips whose need-side word occurs in the text the viewer may read of the need. */
export function visibleMatchTerms(need: VisibleNeed): <T extends Chip>(terms: readonly T[]) => T[] {
  const text = visibleNeedText(need);
  if (text === null) return (terms) => [...terms];
  return termsIn(text);
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

/** A filter keeping the chips whose need-side word occurs, as written, in `text`. */
export function termsIn(text: string): <T extends Chip>(terms: readonly T[]) => T[] {
  const visible = fold(text);
  return (terms) => terms.filter((t) => t.needTerm.trim() !== "" && visible.includes(fold(t.needTerm)));
}
