import "server-only";
import { prisma } from "@/lib/db";
import { feedbackSummaryFor, type FeedbackSummary } from "@/lib/feedback/match-feedback";
import { matchSubject, type Match } from "@/lib/matching/matcher";
import { serveNeedMatches } from "@/lib/matching/need-matches";
import { needFactsOf, needRowInclude, presentNeed, type NeedView } from "@/lib/needs/present-need";
import { researcherVisibleSubject } from "@/lib/matching/subjects";
import { authorize, can, needScopeFor, type MaybeActor } from "@/lib/policy";
import { matchOrEmpty } from "@/lib/matching/match-safely";
import { rankResearchers, type ResearcherMatch } from "./rank-researchers";

export type CandidateResult = Match & { feedback: FeedbackSummary | null };
export type NeedCandidates = { need: NeedView; results: CandidateResult[]; researchers: ResearcherMatch[]; unavailable: boolean };

const PAGE_SIZE = 10;
const RESULTS_PER_NEED = 5;
const RESEARCHERS_PER_NEED = 3;

/** The broker's queue: newest live needs, each with its best results and researchers, and the feedback given on them. */
export async function listBrokerCandidates(actor: MaybeActor, page = 1): Promise<{ items: NeedCandidates[]; total: number; pageSize: number }> {
  authorize(actor, "broker.candidates");
  const where = { AND: [needScopeFor(actor), { status: { in: ["SUBMITTED", "PUBLISHED", "IN_PROGRESS"] as ("SUBMITTED" | "PUBLISHED" | "IN_PROGRESS")[] } }] };
  const [rows, total] = await Promise.all([
    prisma.need.findMany({
      where,
      include: needRowInclude(actor),
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      skip: (Math.max(1, page) - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.need.count({ where }),
  ]);
  const feedback = await feedbackSummaryFor(
    actor,
    rows.map((r) => r.id),
  );
  const items: NeedCandidates[] = [];
  for (const row of rows) {
    const need = presentNeed(actor, row);
    if (!need) continue;
    // A broker not acting for the owner matches on what a researcher may see of the need, so
    // neither the candidates nor their "matched terms" derive from hidden text.
    const full = can(actor, "need.readFull", needFactsOf(row));
    const visible = full ? null : researcherVisibleSubject(row);
    // Acting for the owner: the need's stored matches, the same figures as on the need page.
    const res = full
      ? await serveNeedMatches(row, 20)
      : visible
        ? await matchOrEmpty(() => matchSubject(visible, "results", { viewer: actor, limit: 20 }))
        : null;
    const matches = res?.ok ? res.matches : [];
    const text = full ? { title: row.title, body: [row.teaser, row.description].filter(Boolean).join("\n"), keywords: row.keywords } : visible?.text;
    const researchers = res?.ok && text ? await rankResearchers(text, matches, { limit: RESEARCHERS_PER_NEED, excludeOrganisationId: row.organisationId }) : [];
    items.push({
      need,
      results: matches.slice(0, RESULTS_PER_NEED).map((m) => ({ ...m, feedback: feedback.get(`${row.id}:${m.id}`) ?? null })),
      researchers,
      unavailable: res ? !res.ok : false,
    });
  }
  return { items, total, pageSize: PAGE_SIZE };
}
