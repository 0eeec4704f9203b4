import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notifyUser } from "@/lib/notifications/notify";
import { RECONFIRM_REMINDER_DAYS, reconfirmReminderStage } from "./lifecycle";
import { needExpiredKey, needExpiredNotice, reconfirmLink, reconfirmReminderKey, reconfirmReminderNotice } from "./reconfirm-notices";

const DAY = 24 * 60 * 60 * 1000;

type Db = Pick<PrismaClient, "$transaction" | "need">;

const ownerSelect = {
  id: true,
  title: true,
  reconfirmBy: true,
  organisationId: true,
  createdBy: { select: { id: true, role: true, organisationId: true } },
  organisation: { select: { members: { where: { role: "COMPANY" }, select: { id: true } } } },
} as const;

/**
 * Who is told about a need's re-confirmation: the company member who wrote it, or, when a broker
 * wrote it (or its author left the company), every company member of the owning organisation.
 */
function recipientsOf(n: {
  organisationId: string;
  createdBy: { id: string; role: string; organisationId: string | null };
  organisation: { members: { id: string }[] };
}): string[] {
  if (n.createdBy.role === "COMPANY" && n.createdBy.organisationId === n.organisationId) return [n.createdBy.id];
  return n.organisation.members.map((m) => m.id);
}

/**
 * The re-confirmation sweep (hourly, graphile-worker cron; e2e and tests pass `now`). Published
 * needs past their re-confirmation date expire (and leave the search index), and their owners are
 * told. Needs due within 14 days get a reminder (in-app + email, via notifyUser) 14 and 3 days
 * before the date, each once: the dedupe key names the deadline and the stage, so a re-run sends
 * nothing and re-confirming (a new deadline) starts the reminders afresh.
 */
export async function expireOverdueNeeds(db: Db, now = new Date()): Promise<{ expired: number; reminded: number }> {
  const overdue = await db.need.findMany({ where: { status: "PUBLISHED", reconfirmBy: { lt: now } }, select: ownerSelect });
  let expired = 0;
  for (const n of overdue) {
    // One transaction per need: the status change, its index job and the notices commit together.
    expired += await db.$transaction(async (tx) => {
      const { count } = await tx.need.updateMany({
        where: { id: n.id, status: "PUBLISHED", reconfirmBy: { lt: now } },
        data: { status: "EXPIRED", version: { increment: 1 } },
      });
      if (count === 0) return 0; // re-confirmed meanwhile
      await enqueueJob(tx, "index-need", { needId: n.id });
      for (const userId of recipientsOf(n)) {
        await notifyUser(tx, {
          userId,
          ...needExpiredNotice(n),
          link: reconfirmLink(n.id),
          dedupeKey: needExpiredKey(n.id, n.reconfirmBy!),
        });
      }
      return 1;
    });
  }

  const due = await db.need.findMany({
    where: { status: "PUBLISHED", reconfirmBy: { gte: now, lte: new Date(now.getTime() + Math.max(...RECONFIRM_REMINDER_DAYS) * DAY) } },
    select: ownerSelect,
  });
  let reminded = 0;
  for (const n of due) {
    const stage = reconfirmReminderStage(n.reconfirmBy!, now);
    if (stage === null) continue;
    reminded += await db.$transaction(async (tx) => {
      let sent = 0;
      for (const userId of recipientsOf(n)) {
        const created = await notifyUser(tx, {
          userId,
          ...reconfirmReminderNotice({ title: n.title, reconfirmBy: n.reconfirmBy! }, now),
          link: reconfirmLink(n.id),
          dedupeKey: reconfirmReminderKey(n.id, n.reconfirmBy!, stage),
        });
        if (created) sent++;
      }
      return sent;
    });
  }
  return { expired, reminded };
}
