import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { Actor } from "@/lib/policy";
import { writeTransition } from "./apply-transition";
import { challengeInvalid } from "./errors";
import { loadChallenge, permit } from "./load";
import { applicantRecipients, notifyAll } from "./notices";
import type { AwardInput } from "./schemas";

type PlanMilestone = { title: string; deliverables: string; dueAt: string; amountCny: number };

/**
 * 揭榜成功: the sponsor awards one or several applications of a challenge in REVIEW. Every other
 * application still in the running needs a recorded reason (the applicants are told). Each award
 * becomes a project: its agreed plan milestones become milestone rows. All moves go through the
 * write point (challenge REVIEW -> AWARDED, applications -> AWARDED / NOT_SELECTED).
 */
export async function awardChallenge(actor: Actor, challengeId: string, input: AwardInput, now = new Date()): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.manage", facts);
    const running = await tx.challengeApplication.findMany({
      where: { challengeId, status: { in: ["SUBMITTED", "SHORTLISTED"] } },
      select: { id: true, challengeId: true, status: true, version: true, planMilestones: true },
    });
    const runningIds = new Set(running.map((a) => a.id));
    const awarded = new Set(input.awards.map((a) => a.applicationId));
    const others = new Map(input.others.map((o) => [o.applicationId, o.reason]));
    for (const id of [...awarded, ...others.keys()]) if (!runningIds.has(id)) throw challengeInvalid("notRunning", "awards");
    for (const id of awarded) if (others.has(id)) throw challengeInvalid("awardAndReject", "others");
    const missing = running.filter((a) => !awarded.has(a.id) && !others.has(a.id));
    if (missing.length) throw challengeInvalid("reasonsForOthers", "others");

    const version = await writeTransition(
      tx,
      actor,
      "challenge",
      { id: row.id, challengeId: row.id, status: row.status, version: row.version },
      input.version,
      {
        to: "AWARDED",
        met: ["award"],
        data: { awardedAt: now },
      },
    );
    for (const app of running) {
      const link = `/challenges/applications/${app.id}`;
      if (awarded.has(app.id)) {
        const reason = input.awards.find((a) => a.applicationId === app.id)!.reason;
        await writeTransition(tx, actor, "application", app, app.version, { to: "AWARDED", met: ["award"], note: reason, data: { decisionReason: reason } });
        const plan = (app.planMilestones as PlanMilestone[]) ?? [];
        await tx.challengeMilestone.createMany({
          data: plan.map((m, i) => ({
            applicationId: app.id,
            seq: i + 1,
            title: m.title,
            deliverables: m.deliverables,
            dueAt: new Date(m.dueAt),
            amountCny: m.amountCny,
          })),
        });
        await notifyAll(tx, await applicantRecipients(tx, app.id), "awarded", { title: row.title }, link, `challenge-app:${app.id}:awarded`);
      } else {
        const reason = others.get(app.id)!;
        await writeTransition(tx, actor, "application", app, app.version, {
          to: "NOT_SELECTED",
          met: ["reason"],
          note: reason,
          data: { decisionReason: reason },
        });
        await notifyAll(tx, await applicantRecipients(tx, app.id), "notSelected", { title: row.title, reason }, link, `challenge-app:${app.id}:not-selected`);
      }
    }
    await enqueueJob(tx, "index-challenge", { challengeId }, { jobKey: `index-challenge:${challengeId}` });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "challenge.award",
      subject: `challenge:${row.id}`,
      detail: { awarded: [...awarded].join(","), others: others.size },
    });
    return { version };
  });
}
