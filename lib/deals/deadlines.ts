import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";
import { FOLLOW_UP_NOTICE_MS } from "./contract";
import { REMIND_BEFORE_MS } from "./introduce";
import { companyRecipients } from "./load-deal";
import { dealNeedParam, notices } from "./notices";

// Time-driven work, written as sweeps over "what is due at `now`". Jobs scheduled with run_at
// call them for one row at the right moment; tests call them with any `now` instead of waiting.
// Dedupe keys make every sweep safe to run again.

/** Reminds the sides that have not answered an introduction whose deadline is near. */
export async function remindPendingResponses(db: PrismaClient, now: Date, onlyId?: string): Promise<number> {
  const due = await db.introduction.findMany({
    where: { ...(onlyId ? { id: onlyId } : {}), state: "SUGGESTED", respondBy: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
    include: { need: { select: { organisationId: true, createdById: true, title: true, visibility: true } } },
  });
  let sent = 0;
  for (const deal of due) {
    await db.$transaction(async (tx) => {
      const waiting = [...(deal.companyAcceptedAt ? [] : await companyRecipients(tx, deal.need)), ...(deal.researcherAcceptedAt ? [] : [deal.researcherId])];
      for (const userId of waiting) {
        if (
          await notifyUser(tx, {
            userId,
            ...notices.respondReminder(dealNeedParam(deal.need, userId, deal.researcherId), deal.respondBy!),
            link: `/deals/${deal.id}`,
            dedupeKey: `deal:${deal.id}:remind`,
          })
        )
          sent++;
      }
    });
  }
  return sent;
}

/** Flags introductions whose deadline passed without both answers to their broker. */
export async function flagLapsedIntroductions(db: PrismaClient, now: Date, onlyId?: string): Promise<number> {
  const lapsed = await db.introduction.findMany({
    where: { ...(onlyId ? { id: onlyId } : {}), state: "SUGGESTED", respondBy: { lte: now }, brokerId: { not: null } },
    select: { id: true, brokerId: true, need: { select: { title: true } } },
  });
  let sent = 0;
  for (const deal of lapsed) {
    await db.$transaction(async (tx) => {
      if (
        await notifyUser(tx, {
          userId: deal.brokerId!,
          ...notices.lapsed(deal.need.title),
          link: `/deals/${deal.id}`,
          dedupeKey: `deal:${deal.id}:lapsed`,
        })
      )
        sent++;
    });
  }
  return sent;
}

/** Reminds the broker of outcome follow-ups due within the notice period (or overdue). */
export async function remindFollowUps(db: PrismaClient, now: Date, onlyId?: string): Promise<number> {
  const due = await db.outcomeFollowUp.findMany({
    where: { ...(onlyId ? { id: onlyId } : {}), completedAt: null, dueAt: { lte: new Date(now.getTime() + FOLLOW_UP_NOTICE_MS) } },
    include: { contract: { select: { introduction: { select: { id: true, brokerId: true, need: { select: { brokerId: true, title: true } } } } } } },
  });
  let sent = 0;
  for (const f of due) {
    const deal = f.contract.introduction;
    const brokerId = deal.brokerId ?? deal.need.brokerId;
    if (!brokerId) continue;
    await db.$transaction(async (tx) => {
      if (
        await notifyUser(tx, {
          userId: brokerId,
          ...notices.followUpDue(deal.need.title, f.monthsAfter, f.dueAt),
          link: `/deals/${deal.id}`,
          dedupeKey: `follow-up:${f.id}:due`,
        })
      )
        sent++;
    });
  }
  return sent;
}

export async function runDueReminders(db: PrismaClient, now: Date) {
  return {
    respondReminders: await remindPendingResponses(db, now),
    lapsed: await flagLapsedIntroductions(db, now),
    followUps: await remindFollowUps(db, now),
  };
}
