import "server-only";
import { prisma } from "@/lib/db";
import type { Match } from "./matcher";
import type { ResearcherMatch } from "@/lib/recommend/rank-researchers";

// A snapshot may be minutes old: before it is shown, every result in it is re-read (one query) so
// that a result unpublished or deleted since disappears at once and its displayed fields are the
// current ones. Ranking and explanations stay as computed (they are refreshed with the snapshot).

type LiveResult = {
  title: string;
  field: string;
  trl: number | null;
  lang: "zh" | "en";
  version: number;
  organisationName: string;
  organisationVerified: boolean;
};

async function liveResults(ids: readonly string[]): Promise<Map<string, LiveResult>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.result.findMany({
    where: { id: { in: [...new Set(ids)] }, status: "PUBLISHED" },
    select: { id: true, title: true, field: true, trl: true, lang: true, version: true, organisation: { select: { name: true, verifiedAt: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        title: r.title,
        field: r.field,
        trl: r.trl,
        lang: r.lang,
        version: r.version,
        organisationName: r.organisation.name,
        organisationVerified: r.organisation.verifiedAt !== null,
      },
    ]),
  );
}

/** The snapshot's matches still published, with their current title, organisation, field and TRL. */
export async function recheckSnapshotMatches(matches: readonly Match[]): Promise<Match[]> {
  const live = await liveResults(matches.map((m) => m.id));
  return matches.flatMap((m) => {
    const r = live.get(m.id);
    return r ? [{ ...m, ...r }] : [];
  });
}

/**
 * The snapshot's researchers who still are researchers outside the need's organisation, with their
 * current name, organisation and fields, and only their results still published. A researcher
 * recommended only for results that are all gone is dropped. (Expertise profiles are not re-read:
 * a profile changed since keeps its old match words until the snapshot is refreshed.)
 */
export async function recheckSnapshotResearchers(researchers: readonly ResearcherMatch[], needOrganisationId: string): Promise<ResearcherMatch[]> {
  if (researchers.length === 0) return [];
  const [users, live] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: researchers.map((r) => r.userId) }, role: "RESEARCHER", NOT: { organisationId: needOrganisationId } },
      select: { id: true, name: true, organisation: { select: { name: true, verifiedAt: true } }, expertise: { select: { fields: true } } },
    }),
    liveResults(researchers.flatMap((r) => r.results.map((x) => x.id))),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return researchers.flatMap((r) => {
    const u = byId.get(r.userId);
    if (!u) return [];
    const results = r.results.flatMap((x) => {
      const now = live.get(x.id);
      return now ? [{ id: x.id, title: now.title }] : [];
    });
    if (results.length === 0 && r.expertiseWords.length === 0) return [];
    return [
      {
        ...r,
        results,
        name: u.name,
        organisationName: u.organisation?.name ?? null,
        organisationVerified: !!u.organisation?.verifiedAt,
        fields: u.expertise?.fields ?? [],
      },
    ];
  });
}
