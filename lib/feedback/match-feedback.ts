import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, needScopeFor, resultScopeFor, type MaybeActor } from "@/lib/policy";
import type { FeedbackReason, MatchFeedbackInput } from "./schemas";

/**
 * Records (or changes) the actor's verdict on a need-result match. Both must be visible to the
 * actor; one verdict per (need, result, user).
 */
export async function submitMatchFeedback(actor: MaybeActor, input: MatchFeedbackInput): Promise<void> {
  authorize(actor, "match.feedback");
  const [need, result] = await Promise.all([
    prisma.need.findFirst({ where: { AND: [{ id: input.needId }, needScopeFor(actor)] }, select: { id: true } }),
    prisma.result.findFirst({ where: { AND: [{ id: input.resultId }, resultScopeFor(actor)] }, select: { id: true } }),
  ]);
  if (!need || !result) throw notFound();
  const data = { useful: input.useful, reason: input.useful ? (input.reason ?? null) : input.reason!, createdAt: new Date() };
  await prisma.matchFeedback.upsert({
    where: { needId_resultId_userId: { needId: need.id, resultId: result.id, userId: actor.id } },
    create: { needId: need.id, resultId: result.id, userId: actor.id, ...data },
    update: data,
  });
}

export type MyVerdict = { useful: boolean; reason: FeedbackReason | null };

/** The actor's own verdicts for these pairs, keyed "needId:resultId". */
export async function myFeedbackFor(actor: MaybeActor, pairs: readonly { needId: string; resultId: string }[]): Promise<Map<string, MyVerdict>> {
  authorize(actor, "match.feedback");
  if (pairs.length === 0) return new Map();
  const rows = await prisma.matchFeedback.findMany({
    where: { userId: actor.id, OR: pairs.map((p) => ({ needId: p.needId, resultId: p.resultId })) },
    select: { needId: true, resultId: true, useful: true, reason: true },
  });
  return new Map(rows.map((r) => [`${r.needId}:${r.resultId}`, { useful: r.useful, reason: r.reason as FeedbackReason | null }]));
}

export type FeedbackSummary = { useful: number; notUseful: number; reasons: Partial<Record<FeedbackReason, number>> };

/** Everyone's verdicts on the matches of these needs, per "needId:resultId" (broker view). */
export async function feedbackSummaryFor(actor: MaybeActor, needIds: readonly string[]): Promise<Map<string, FeedbackSummary>> {
  authorize(actor, "broker.candidates");
  const rows = await prisma.matchFeedback.groupBy({
    by: ["needId", "resultId", "useful", "reason"],
    where: { needId: { in: [...needIds] } },
    _count: { _all: true },
  });
  const out = new Map<string, FeedbackSummary>();
  for (const r of rows) {
    const key = `${r.needId}:${r.resultId}`;
    const s = out.get(key) ?? { useful: 0, notUseful: 0, reasons: {} };
    if (r.useful) s.useful += r._count._all;
    else s.notUseful += r._count._all;
    if (!r.useful && r.reason) s.reasons[r.reason as FeedbackReason] = (s.reasons[r.reason as FeedbackReason] ?? 0) + r._count._all;
    out.set(key, s);
  }
  return out;
}
