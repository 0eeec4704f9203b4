import "server-only";
import { prisma } from "@/lib/db";
import { matchNeedsForResult } from "@/lib/matching/matcher";
import { needsIndexFor } from "@/lib/search/access";
import { queueSnapshotRefreshes } from "@/lib/needs/need-match-snapshot";
import { needRowInclude } from "@/lib/needs/present-need";
import { createNotifications, type NewNotification } from "@/lib/notifications/create-notifications";
import { needNoticeFor, resultMatchNotice } from "@/lib/notifications/notices";
import { ALERT_CONFIG } from "./config";
import { confidentMatches } from "./confidence";
import { matchesOrThrow } from "./match-safely";
import { recipientCanAct, recipientSelect } from "./recipients";

const LIVE = ["PUBLISHED", "IN_PROGRESS"] as const;
// Searches every live need (the broker index) to reach the owners of confidential and
// broker-only needs too; each owner only ever hears about their own need and a public result.
const ALL_NEEDS = { role: "BROKER", organisationId: null } as const;

/**
 * Job "match-result" (chained after the result is indexed): tells the result's author which needs
 * want it (searching as the author, so only needs they may see, confidential ones as teasers),
 * and the authors of matching needs that a result fits them.
 */
export async function runResultMatching(resultId: string): Promise<{ notified: number }> {
  const result = await prisma.result.findUnique({
    where: { id: resultId },
    select: {
      id: true,
      title: true,
      field: true,
      status: true,
      organisationId: true,
      organisation: { select: { name: true, verifiedAt: true } },
      createdBy: { select: recipientSelect },
    },
  });
  if (!result || result.status !== "PUBLISHED") return { notified: 0 };
  const cfg = ALERT_CONFIG;
  const author = result.createdBy;
  const items: NewNotification[] = [];

  const forAuthor = confidentMatches(
    await matchesOrThrow(needsIndexFor(author), () => matchNeedsForResult(prisma, resultId, { viewer: author, limit: cfg.candidates })),
  );
  const needsWanting = await matchesOrThrow("needs_broker", () => matchNeedsForResult(prisma, resultId, { viewer: ALL_NEEDS, limit: cfg.candidates }));
  // Every need the result matches (not only the confident ones: it may still enter a short list)
  // gets its stored match list recomputed, so the result shows there without an edit of the need.
  await queueSnapshotRefreshes(needsWanting.map((m) => m.id));
  const forOwners = confidentMatches(needsWanting);
  const needs = await prisma.need.findMany({
    where: {
      id: { in: [...new Set([...forAuthor, ...forOwners].map((m) => m.id))] },
      status: { in: [...LIVE] },
      NOT: { organisationId: result.organisationId },
    },
    include: { ...needRowInclude(null), createdBy: { select: recipientSelect } },
  });
  const byId = new Map(needs.map((n) => [n.id, n]));

  for (const m of recipientCanAct(author) ? forAuthor.slice(0, cfg.maxRecipientsPerEvent) : []) {
    const need = byId.get(m.id);
    const notice = need && needNoticeFor(author, need, { resultTitle: result.title });
    if (notice) items.push({ ...notice, userId: author.id });
  }
  for (const m of forOwners.slice(0, cfg.maxRecipientsPerEvent)) {
    const need = byId.get(m.id);
    if (!need) continue;
    const notice = resultMatchNotice(need, {
      id: result.id,
      title: result.title,
      organisationName: result.organisation.name,
      organisationVerified: result.organisation.verifiedAt !== null,
      field: result.field,
    });
    items.push({ ...notice, userId: need.createdById });
  }
  const created = await createNotifications(items);
  return { notified: created.length };
}
