import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { writeTransition } from "./apply-transition";
import { isAppError } from "@/lib/errors";
import { announceMove } from "./manage-challenge";
import { applicantRecipients, notifyAll, sponsorRecipients } from "./notices";

// Time-driven work of challenges, as sweeps over "what is due at `now`" (like lib/deals/deadlines.ts).
// The worker runs them every few minutes (cron "challenge-deadlines") and at each call's deadline
// (a run_at job queued on publication); e2e drives them with POST /api/test/reminders {now}.
// Dedupe keys and state checks make every sweep safe to run again.

export const MILESTONE_REMIND_BEFORE_MS = 7 * 24 * 3600 * 1000;
export const OUTCOME_FOLLOW_UP_MONTHS = 12;

/** Calls whose application deadline passed: OPEN -> REVIEW (by the scheduler), everyone concerned told. */
export async function closeExpiredCalls(db: PrismaClient, now: Date): Promise<number> {
  const due = await db.challenge.findMany({
    where: { status: "OPEN", applicationDeadline: { lte: now } },
    select: { id: true, status: true, version: true, title: true, organisationId: true, createdById: true, draftedByBrokerId: true },
  });
  let closed = 0;
  for (const c of due) {
    try {
      await db.$transaction(async (tx) => {
        await writeTransition(tx, null, "challenge", { id: c.id, challengeId: c.id, status: c.status, version: c.version }, c.version, {
          to: "REVIEW",
          note: "deadline",
          data: { closedAt: now },
        });
        await enqueueJob(tx, "index-challenge", { challengeId: c.id }, { jobKey: `index-challenge:${c.id}` });
        await announceMove(tx, null, c, "REVIEW");
      });
      closed++;
    } catch (e) {
      // Moved by someone else meanwhile (closed early, cancelled): nothing left to do.
      if (!(isAppError(e) && e.code === "CONFLICT")) throw e;
    }
  }
  return closed;
}

/** Reminds the solver side of project milestones due within a week that are not submitted yet. */
export async function remindDueMilestones(db: PrismaClient, now: Date): Promise<number> {
  const due = await db.challengeMilestone.findMany({
    where: {
      status: { in: ["PENDING", "REJECTED"] },
      dueAt: { gt: now, lte: new Date(now.getTime() + MILESTONE_REMIND_BEFORE_MS) },
      application: { status: "AWARDED", challenge: { status: "AWARDED" } },
    },
    select: { id: true, title: true, applicationId: true, dueAt: true, application: { select: { challenge: { select: { title: true } } } } },
  });
  let sent = 0;
  for (const m of due) {
    await db.$transaction(async (tx) => {
      sent += await notifyAll(
        tx,
        await applicantRecipients(tx, m.applicationId),
        "milestoneDue",
        { title: m.application.challenge.title, milestone: m.title, due: m.dueAt.toISOString().slice(0, 10) },
        `/challenges/applications/${m.applicationId}/project`,
        `challenge-ms:${m.id}:due`,
      );
    });
  }
  return sent;
}

/** Flags milestones past their due date and not delivered to the sponsor and staff (once). */
export async function flagLateMilestones(db: PrismaClient, now: Date): Promise<number> {
  const late = await db.challengeMilestone.findMany({
    where: {
      status: { in: ["PENDING", "REJECTED"] },
      dueAt: { lte: now },
      lateFlaggedAt: null,
      application: { status: "AWARDED", challenge: { status: "AWARDED" } },
    },
    select: {
      id: true,
      title: true,
      applicationId: true,
      application: { select: { challenge: { select: { id: true, title: true, organisationId: true, createdById: true, draftedByBrokerId: true } } } },
    },
  });
  let flagged = 0;
  for (const m of late) {
    await db.$transaction(async (tx) => {
      // A flag, not a state: set once, without bumping the version the solver is working against.
      const { count } = await tx.challengeMilestone.updateMany({ where: { id: m.id, lateFlaggedAt: null }, data: { lateFlaggedAt: now } });
      if (!count) return;
      const c = m.application.challenge;
      const admins = await tx.user.findMany({ where: { role: "ADMIN" }, select: { id: true }, take: 20 });
      await notifyAll(
        tx,
        [...(await sponsorRecipients(tx, c)), ...admins.map((a) => a.id)],
        "milestoneLate",
        { title: c.title, milestone: m.title },
        `/challenges/applications/${m.applicationId}/project`,
        `challenge-ms:${m.id}:late`,
      );
      flagged++;
    });
  }
  return flagged;
}

/** Reminds the sponsor of the 12-month outcome evaluation of a completed challenge. */
export async function remindOutcomeEvaluations(db: PrismaClient, now: Date): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - OUTCOME_FOLLOW_UP_MONTHS);
  const due = await db.challenge.findMany({
    where: { status: "COMPLETED", completedAt: { lte: cutoff }, outcomes: { none: { monthsAfter: OUTCOME_FOLLOW_UP_MONTHS } } },
    select: { id: true, title: true, organisationId: true, createdById: true, draftedByBrokerId: true },
  });
  let sent = 0;
  for (const c of due) {
    await db.$transaction(async (tx) => {
      sent += await notifyAll(
        tx,
        await sponsorRecipients(tx, c),
        "outcomeDue",
        { title: c.title },
        `/challenges/${c.id}/manage`,
        `challenge:${c.id}:outcome12`,
      );
    });
  }
  return sent;
}

export async function runChallengeDeadlines(db: PrismaClient, now: Date) {
  return {
    callsClosed: await closeExpiredCalls(db, now),
    milestoneReminders: await remindDueMilestones(db, now),
    lateMilestones: await flagLateMilestones(db, now),
    outcomeReminders: await remindOutcomeEvaluations(db, now),
  };
}
