import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { RECONFIRM_REMINDER_DAYS, reconfirmReminderStage } from "@/lib/needs/lifecycle";
import { shenzhenDate } from "@/lib/needs/reconfirm-notices";
import { notifyUser } from "@/lib/notifications/notify";

const DAY = 24 * 60 * 60 * 1000;

type Db = Pick<PrismaClient, "$transaction" | "result">;

const ownerSelect = {
  id: true,
  title: true,
  reconfirmBy: true,
  organisationId: true,
  createdBy: { select: { id: true, organisationId: true } },
  organisation: { select: { members: { where: { role: "RESEARCHER" }, select: { id: true } } } },
} as const;

type OwnedResult = {
  organisationId: string;
  createdBy: { id: string; organisationId: string | null };
  organisation: { members: { id: string }[] };
};

/** Who is told: the member who listed the result, or every researcher of the institution once they have left it. */
function recipientsOf(r: OwnedResult): string[] {
  if (r.createdBy.organisationId === r.organisationId) return [r.createdBy.id];
  return r.organisation.members.map((m) => m.id);
}

/** The owner's page, at the confirm button. */
export const resultReconfirmLink = (resultId: string) => `/results/${resultId}#reconfirm`;

/**
 * The results' re-confirmation sweep (the needs' rule, lib/needs/expire-needs.ts): published
 * results past their date expire and leave the catalogue, their owners are told; results due
 * within 14 days get a reminder 14 and 3 days before, each once (the dedupe key names the date
 * and the stage, so a re-run sends nothing and confirming starts the reminders afresh).
 */
export async function expireOverdueResults(db: Db, now = new Date()): Promise<{ expired: number; reminded: number }> {
  const overdue = await db.result.findMany({ where: { status: "PUBLISHED", reconfirmBy: { lt: now } }, select: ownerSelect });
  let expired = 0;
  for (const r of overdue) {
    expired += await db.$transaction(async (tx) => {
      const { count } = await tx.result.updateMany({
        where: { id: r.id, status: "PUBLISHED", reconfirmBy: { lt: now } },
        data: { status: "EXPIRED", version: { increment: 1 } },
      });
      if (count === 0) return 0; // confirmed meanwhile
      await enqueueJob(tx, "index-result", { resultId: r.id }, { jobKey: `index-result:${r.id}` });
      for (const userId of recipientsOf(r))
        await notifyUser(tx, {
          userId,
          kind: "result.expired",
          params: { title: r.title },
          link: resultReconfirmLink(r.id),
          dedupeKey: `result.expired:${r.id}:${r.reconfirmBy!.toISOString()}`,
        });
      return 1;
    });
  }

  const due = await db.result.findMany({
    where: { status: "PUBLISHED", reconfirmBy: { gte: now, lte: new Date(now.getTime() + Math.max(...RECONFIRM_REMINDER_DAYS) * DAY) } },
    select: ownerSelect,
  });
  let reminded = 0;
  for (const r of due) {
    const stage = reconfirmReminderStage(r.reconfirmBy!, now);
    if (stage === null) continue;
    const days = Math.max(1, Math.ceil((r.reconfirmBy!.getTime() - now.getTime()) / DAY));
    reminded += await db.$transaction(async (tx) => {
      let sent = 0;
      for (const userId of recipientsOf(r)) {
        const created = await notifyUser(tx, {
          userId,
          kind: "result.reconfirm",
          params: { title: r.title, days, date: shenzhenDate(r.reconfirmBy!) },
          link: resultReconfirmLink(r.id),
          dedupeKey: `result.reconfirm:${r.id}:${r.reconfirmBy!.toISOString()}:${stage}d`,
        });
        if (created) sent++;
      }
      return sent;
    });
  }
  return { expired, reminded };
}
