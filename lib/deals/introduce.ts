import "server-only";
import { prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notifyUser } from "@/lib/notifications/notify";
import { authorize, type Actor } from "@/lib/policy";
import { companyRecipients } from "./load-deal";
import { dealNeedParam, notices } from "./notices";
import type { IntroduceInput } from "./schemas";

const DAY = 86_400_000;
/** Reminders go out this long before the response deadline. */
export const REMIND_BEFORE_MS = 2 * DAY;

// A broker's one-click introduction of a need's owner to the researcher behind a result. Both
// sides are notified; neither learns more about the other than the need's visibility allows
// until both accept (see presentDeal).
export async function introduceResearcher(actor: Actor, input: IntroduceInput, now = new Date()): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const need = await tx.need.findUnique({
      where: { id: input.needId },
      select: { id: true, title: true, organisationId: true, visibility: true, status: true, createdById: true, brokerId: true },
    });
    if (!need) throw notFound();
    // Only the need's broker (or an admin) introduces: a broker cannot take a need this way.
    authorize(actor, "broker.triage", need);
    const result = await tx.result.findFirst({ where: { id: input.resultId, status: "PUBLISHED" }, select: { id: true, createdById: true } });
    if (!result) throw new AppError("VALIDATION", { key: "deal.resultNotPublished", fields: { resultId: ["v.notPublished"] } });
    const respondBy = new Date(now.getTime() + input.respondWithinDays * DAY);
    let id: string;
    try {
      ({ id } = await tx.introduction.create({
        data: { needId: need.id, resultId: result.id, researcherId: result.createdById, brokerId: actor.id, respondBy, state: "SUGGESTED", createdAt: now },
        select: { id: true },
      }));
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        throw conflict("deal.alreadyIntroduced");
      }
      throw e;
    }
    await tx.dealEvent.create({ data: { introductionId: id, fromState: null, toState: "SUGGESTED", actorId: actor.id, note: input.note || null, at: now } });
    const link = `/deals/${id}`;
    const recipients = [...(await companyRecipients(tx, need)), result.createdById];
    for (const userId of recipients) {
      await notifyUser(tx, {
        userId,
        ...notices.introduced(dealNeedParam(need, userId, result.createdById), input.respondWithinDays),
        link,
        dedupeKey: `deal:${id}:introduced`,
      });
    }
    const remindAt = new Date(respondBy.getTime() - REMIND_BEFORE_MS);
    if (remindAt > now) await enqueueJob(tx, "deal-respond-reminder", { introductionId: id }, { runAt: remindAt, jobKey: `deal-remind:${id}` });
    await enqueueJob(tx, "deal-respond-lapse", { introductionId: id }, { runAt: respondBy, jobKey: `deal-lapse:${id}` });
    return { id };
  });
}
