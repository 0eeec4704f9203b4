import { scorePercent } from "@/lib/matching/calibrate";
import type { TermPair } from "@/lib/matching/rank";

/** The calibrated match score as shown everywhere (the same figure on every page, at most 95%). */
export function MatchScore({ label, score }: { label: string; score: number }) {
  return (
    <span className="shrink-0 text-xs text-slate-500" data-testid="match-score">
      {label} {scorePercent(score)}%
    </span>
  );
}

/** Matched words as written in the two texts: "电池 ↔ battery", or the word once when both sides agree. */
export function MatchTerms({ label, terms }: { label: string; terms: readonly TermPair[] }) {
  if (terms.length === 0) return null;
  return (
    <span>
      {label}:{" "}
      {terms.slice(0, 6).map((p) => (
        <mark key={`${p.needTerm}|${p.resultTerm}`} className="mr-1 rounded bg-yellow-100 px-1" data-testid="match-term">
          {p.needTerm.toLowerCase() === p.resultTerm.toLowerCase() ? p.needTerm : `${p.needTerm} ↔ ${p.resultTerm}`}
        </mark>
      ))}
    </span>
  );
}
