import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";
import { contactInclude, contactTitleOf, ownerRecipients } from "./load-contact";
import { CONTACT_REMIND_BEFORE_DAYS } from "./reasons";

// Time-driven work on contact requests, as sweeps over "what is due at `now`" (the pattern of
// lib/deals/deadlines.ts): run_at jobs call them for one row, tests with any `now`. Dedupe keys
// make every sweep safe to run again.
const DAY = 86_400_000;

/** Reminds the owner of a pending request whose deadline is near. */
export async function remindPendingContacts(db: PrismaClient, now: Date, onlyId?: string): Promise<number> {
  const due = await db.contactRequest.findMany({
    where: { ...(onlyId ? { id: onlyId } : {}), status: "PENDING", respondBy: { gt: now, lte: new Date(now.getTime() + CONTACT_REMIND_BEFORE_DAYS * DAY) } },
    include: contactInclude,
  });
  let sent = 0;
  for (const row of due) {
    await db.$transaction(async (tx) => {
      for (const userId of await ownerRecipients(tx, row)) {
        const created = await notifyUser(tx, {
          userId,
          kind: "contact.reminder",
          params: { title: contactTitleOf(row), respondBy: row.respondBy.toISOString().slice(0, 10) },
          link: `/contacts/${row.id}`,
          dedupeKey: `contact:${row.id}:remind`,
        });
        if (created) sent++;
      }
    });
  }
  return sent;
}

/** Marks pending requests past their deadline EXPIRED and tells the sender. */
export async function expireContacts(db: PrismaClient, now: Date, onlyId?: string): Promise<number> {
  const due = await db.contactRequest.findMany({
    where: { ...(onlyId ? { id: onlyId } : {}), status: "PENDING", respondBy: { lte: now } },
    include: contactInclude,
  });
  let expired = 0;
  for (const row of due) {
    await db.$transaction(async (tx) => {
      // The same guarded write as a decision: a request decided meanwhile stays as decided.
      const moved = await tx.contactRequest.updateMany({
        where: { id: row.id, status: "PENDING", version: row.version },
        data: { status: "EXPIRED", decidedAt: now, version: { increment: 1 } },
      });
      if (moved.count !== 1) return;
      expired++;
      await notifyUser(tx, {
        userId: row.senderId,
        kind: "contact.expired",
        params: { title: contactTitleOf(row) },
        link: `/contacts/${row.id}`,
        dedupeKey: `contact:${row.id}:expired`,
      });
    });
  }
  return expired;
}
