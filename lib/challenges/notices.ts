import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyUser, type NotificationParams } from "@/lib/notifications/notify";

type Tx = Prisma.TransactionClient;

// Who hears about a challenge, and the one way they are told: notifyUser with a kind
// "challenge.<event>" worded from messages/<locale>/notificationTexts.json. Params carry only what
// every recipient may see (the title is public even for a confidential challenge; never the
// problem text, never another applicant's name).

/** The sponsor side: the organisation's company members, the creator (staff for a programme) and the drafting broker. */
export async function sponsorRecipients(
  tx: Tx,
  challenge: { organisationId: string; createdById: string; draftedByBrokerId: string | null },
): Promise<string[]> {
  const members = await tx.user.findMany({ where: { organisationId: challenge.organisationId, role: "COMPANY" }, select: { id: true } });
  return [...new Set([...members.map((m) => m.id), challenge.createdById, ...(challenge.draftedByBrokerId ? [challenge.draftedByBrokerId] : [])])];
}

/** The applicant and their team. */
export async function applicantRecipients(tx: Tx, applicationId: string): Promise<string[]> {
  const app = await tx.challengeApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { applicantId: true, team: { select: { userId: true } } },
  });
  return [...new Set([app.applicantId, ...app.team.map((m) => m.userId)])];
}

export async function notifyAll(
  tx: Tx,
  userIds: readonly string[],
  kind: string,
  params: NotificationParams,
  link: string,
  dedupeKey: string,
  except?: string | null,
): Promise<number> {
  let sent = 0;
  for (const userId of new Set(userIds)) {
    if (userId === except) continue;
    if (await notifyUser(tx, { userId, kind: `challenge.${kind}`, params, link, dedupeKey: `${dedupeKey}` })) sent++;
  }
  return sent;
}
