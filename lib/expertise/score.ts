// Scores researchers' expertise profiles against a need's key terms, in memory: profiles are few
// (one per researcher) and short, so no index is needed. Terms are the matcher's own analysed
// words (English stems, Chinese words, plus zh<->en translations), so a Chinese need finds an
// English profile and the reverse. Pure.
import type { QueryTerm } from "@/lib/matching/rank";
import { analyze } from "@/lib/matching/terms";
import { ALERT_CONFIG } from "@/lib/alerts/config";

export type ProfileText = { userId: string; fields: readonly string[]; methods: readonly string[]; equipment: readonly string[]; pastProjects: string | null };
export type ExpertiseScore = { userId: string; share: number; matchedWords: string[] };

export function profileText(p: Omit<ProfileText, "userId">): string {
  return [p.fields.join(" "), p.methods.join(" "), p.equipment.join(" "), p.pastProjects ?? ""].join("\n");
}

/** Profiles covering enough of the subject's term weight, best first. */
export function scoreProfiles(
  terms: readonly QueryTerm[],
  profiles: readonly ProfileText[],
  cfg: { expertise: { minMatchedTerms: number; minShare: number } } = ALERT_CONFIG,
): ExpertiseScore[] {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (total <= 0) return [];
  const out: ExpertiseScore[] = [];
  for (const p of profiles) {
    const words = new Set(analyze(profileText(p)));
    const matched = terms.filter((t) => words.has(t.term));
    const share = matched.reduce((s, t) => s + t.weight, 0) / total;
    if (matched.length >= cfg.expertise.minMatchedTerms && share >= cfg.expertise.minShare) {
      out.push({ userId: p.userId, share, matchedWords: [...new Set(matched.flatMap((t) => (t.translated ? [t.term] : t.surfaces.slice(0, 1))))].slice(0, 8) });
    }
  }
  return out.sort((a, b) => b.share - a.share);
}
