import "server-only";
import { prisma } from "@/lib/db";
import { scoreProfiles } from "@/lib/expertise/score";
import type { Match } from "@/lib/matching/matcher";
import { buildQueryTerms, type SubjectText } from "@/lib/matching/rank";
import { combineResearchers, type ResearcherCandidate } from "./combine";

export type ResearcherMatch = ResearcherCandidate & {
  name: string | null;
  organisationName: string | null;
  /** false: shown as unverified (components/orgs/org-name.tsx). */
  organisationVerified: boolean;
  fields: string[];
};

const MAX_PROFILES = 5000;

/**
 * Researchers for a subject (a need's text as the recipient or viewer may see it): authors of
 * the matched results plus researchers whose expertise profile covers the subject's key terms.
 * Researchers of `excludeOrganisationId` (the need's own company) are left out.
 */
export async function rankResearchers(
  subject: SubjectText,
  matches: readonly Pick<Match, "id" | "score">[],
  opts: { limit: number; excludeOrganisationId?: string },
): Promise<ResearcherMatch[]> {
  const notExcluded = opts.excludeOrganisationId ? { NOT: { organisationId: opts.excludeOrganisationId } } : {};
  const [results, profiles] = await Promise.all([
    matches.length
      ? prisma.result.findMany({
          where: { id: { in: matches.map((m) => m.id) }, status: "PUBLISHED", createdBy: { role: "RESEARCHER", ...notExcluded } },
          select: { id: true, title: true, createdById: true },
        })
      : Promise.resolve([]),
    prisma.expertiseProfile.findMany({
      where: { user: { role: "RESEARCHER", ...notExcluded } },
      select: { userId: true, fields: true, methods: true, equipment: true, pastProjects: true },
      take: MAX_PROFILES,
    }),
  ]);
  const score = new Map(matches.map((m) => [m.id, m.score]));
  const ranked = combineResearchers(
    results.map((r) => ({ resultId: r.id, title: r.title, authorId: r.createdById, score: score.get(r.id) ?? 0 })),
    scoreProfiles(buildQueryTerms(subject), profiles),
  ).slice(0, opts.limit);
  if (ranked.length === 0) return [];
  const users = await prisma.user.findMany({
    where: { id: { in: ranked.map((r) => r.userId) } },
    select: { id: true, name: true, organisation: { select: { name: true, verifiedAt: true } }, expertise: { select: { fields: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return ranked.flatMap((r) => {
    const u = byId.get(r.userId);
    return u
      ? [
          {
            ...r,
            name: u.name,
            organisationName: u.organisation?.name ?? null,
            organisationVerified: !!u.organisation?.verifiedAt,
            fields: u.expertise?.fields ?? [],
          },
        ]
      : [];
  });
}
