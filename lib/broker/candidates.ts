import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { matchResultsForNeed, type Match } from "@/lib/matching/matcher";
import { authorize, needFactsFrom, needFactsSelect, needScopeFor, type Actor } from "@/lib/policy";

export type Candidate = Match & { researcher: { id: string; name: string } | null; dealId: string | null };
export type CandidateList = { ok: true; candidates: Candidate[] } | { ok: false; reason: "unavailable" };

// The matcher's best results for a need, with the researcher behind each and whether they were
// already introduced: the broker's "introduce" list.
export async function getNeedCandidates(actor: Actor, needId: string, limit = 10): Promise<CandidateList> {
  const need = await prisma.need.findFirst({ where: { AND: [{ id: needId }, needScopeFor(actor)] }, select: { id: true, ...needFactsSelect } });
  if (!need) throw notFound();
  authorize(actor, "broker.triage", needFactsFrom(need));
  const response = (await matchResultsForNeed(prisma, needId, { viewer: actor, limit })) ?? { ok: true as const, matches: [] };
  if (!response.ok) return response;
  const ids = response.matches.map((m) => m.id);
  const [results, deals] = await Promise.all([
    prisma.result.findMany({
      where: { id: { in: ids }, status: "PUBLISHED" },
      select: { id: true, createdBy: { select: { id: true, name: true, email: true } }, organisation: { select: { verifiedAt: true } } },
    }),
    prisma.introduction.findMany({ where: { needId }, select: { id: true, researcherId: true } }),
  ]);
  const researcherOf = new Map(results.map((r) => [r.id, { id: r.createdBy.id, name: r.createdBy.name ?? r.createdBy.email }]));
  const verifiedOf = new Map(results.map((r) => [r.id, r.organisation.verifiedAt !== null]));
  const dealOf = new Map(deals.map((d) => [d.researcherId, d.id]));
  return {
    ok: true,
    candidates: response.matches.map((m) => {
      const researcher = researcherOf.get(m.id) ?? null;
      // Verification is read here, not from the index: it may have changed since indexing.
      const organisationVerified = verifiedOf.get(m.id) ?? m.organisationVerified;
      return { ...m, organisationVerified, researcher, dealId: researcher ? (dealOf.get(researcher.id) ?? null) : null };
    }),
  };
}
