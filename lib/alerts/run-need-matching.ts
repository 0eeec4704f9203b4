import "server-only";
import { prisma } from "@/lib/db";
import { matchSubject, needMatchSubject } from "@/lib/matching/matcher";
import { NEED_SNAPSHOT, saveNeedMatchSnapshot } from "@/lib/needs/need-match-snapshot";
import { needRowInclude } from "@/lib/needs/present-need";
import { createNotifications, type NewNotification } from "@/lib/notifications/create-notifications";
import { needNoticeFor, resultMatchNotice, type NeedMatchReason } from "@/lib/notifications/notices";
import { rankResearchers } from "@/lib/recommend/rank-researchers";
import { ALERT_CONFIG } from "./config";
import { confidentMatches } from "./confidence";
import { matchesOrThrow } from "./match-safely";
import { recipientCanAct, recipientSelect } from "./recipients";
import { researcherVisibleSubject } from "./subjects";

const LIVE = ["PUBLISHED", "IN_PROGRESS"];

/**
 * Job "match-need" (chained after the need is indexed): tells researchers whose results or
 * expertise match the need (from what they may see of it), and the need's author which results
 * match it. Dedupe keys make re-runs and edits announce only new matches. Also stores the need's
 * match snapshot, so that the need page has it before anyone views it.
 */
export async function runNeedMatching(needId: string): Promise<{ notified: number }> {
  const need = await prisma.need.findUnique({ where: { id: needId }, include: { ...needRowInclude(null), createdBy: { select: recipientSelect } } });
  if (!need || !LIVE.includes(need.status)) return { notified: 0 };
  const cfg = ALERT_CONFIG;
  const items: NewNotification[] = [];
  // One matcher run serves the notifications and the need page's snapshot (the limit only cuts the
  // ranked list, so the shorter list is the longer one's head).
  const ranked = await matchesOrThrow("results", () =>
    matchSubject(needMatchSubject(need), "results", { limit: Math.max(cfg.candidates, NEED_SNAPSHOT.matches) }),
  );
  await saveNeedMatchSnapshot(need, ranked);
  const full = ranked.slice(0, cfg.candidates);

  const visible = researcherVisibleSubject(need);
  if (visible) {
    // PUBLIC/ANONYMOUS: researchers read the full text, the same subject as `full`.
    const seen = need.visibility === "CONFIDENTIAL" ? await matchesOrThrow("results", () => matchSubject(visible, "results", { limit: cfg.candidates })) : full;
    const confident = confidentMatches(seen);
    const results = await prisma.result.findMany({
      where: { id: { in: confident.map((m) => m.id) }, status: "PUBLISHED", NOT: { organisationId: need.organisationId } },
      select: { id: true, title: true, createdById: true },
    });
    const order = new Map(confident.map((m, i) => [m.id, i]));
    results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const reasons = new Map<string, NeedMatchReason>();
    for (const r of results) if (!reasons.has(r.createdById)) reasons.set(r.createdById, { resultTitle: r.title });
    const experts = await rankResearchers(visible.text, [], { limit: cfg.maxRecipientsPerEvent, excludeOrganisationId: need.organisationId });
    for (const e of experts) if (!reasons.has(e.userId)) reasons.set(e.userId, { expertise: true });
    const recipients = await prisma.user.findMany({ where: { id: { in: [...reasons.keys()].slice(0, cfg.maxRecipientsPerEvent) } }, select: recipientSelect });
    for (const user of recipients) {
      if (!recipientCanAct(user)) continue;
      const notice = needNoticeFor(user, need, reasons.get(user.id)!);
      if (notice) items.push({ ...notice, userId: user.id });
    }
  }

  // The need's author sees everything of their own need; results are public.
  const forOwner = confidentMatches(full).slice(0, cfg.maxResultsForNeedOwner);
  const ownerResults = await prisma.result.findMany({
    where: { id: { in: forOwner.map((m) => m.id) }, status: "PUBLISHED", NOT: { organisationId: need.organisationId } },
    select: { id: true, organisation: { select: { verifiedAt: true } } },
  });
  const live = new Set(ownerResults.map((r) => r.id));
  const verified = new Map(ownerResults.map((r) => [r.id, r.organisation.verifiedAt !== null]));
  for (const m of forOwner) {
    if (!live.has(m.id)) continue;
    items.push({
      ...resultMatchNotice(need, {
        id: m.id,
        title: m.title,
        organisationName: m.organisationName,
        organisationVerified: verified.get(m.id) ?? null,
        field: m.field,
      }),
      userId: need.createdById,
    });
  }
  const created = await createNotifications(items);
  return { notified: created.length };
}
