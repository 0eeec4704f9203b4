import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { RECONFIRM_REMINDER_DAYS } from "./lifecycle";

const DAY = 24 * 60 * 60 * 1000;

// The scheduled re-confirmation sweep (hourly, graphile-worker cron): published needs past their
// re-confirmation date expire (and leave the search index); needs due within 14 days get one
// in-app reminder per deadline for each member of the owning company.
export async function expireOverdueNeeds(db: PrismaClient, now = new Date()): Promise<{ expired: number; reminded: number }> {
  const expired = await db.$transaction(async (tx) => {
    const rows = await tx.need.findMany({ where: { status: "PUBLISHED", reconfirmBy: { lt: now } }, select: { id: true } });
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    await tx.need.updateMany({ where: { id: { in: ids }, status: "PUBLISHED" }, data: { status: "EXPIRED", version: { increment: 1 } } });
    for (const id of ids) await enqueueJob(tx, "index-need", { needId: id }, { jobKey: `index-need:${id}` });
    return ids.length;
  });
  const due = await db.need.findMany({
    where: { status: "PUBLISHED", reconfirmBy: { gte: now, lt: new Date(now.getTime() + RECONFIRM_REMINDER_DAYS * DAY) } },
    select: { id: true, title: true, reconfirmBy: true, organisation: { select: { members: { where: { role: "COMPANY" }, select: { id: true, locale: true } } } } },
  });
  const reminders = due.flatMap((n) =>
    n.organisation.members.map((m) => ({
      userId: m.id,
      kind: "need.reconfirm",
      title: m.locale === "en" ? `Re-confirm your need "${n.title}"` : `请确认需求「${n.title}」仍然有效`,
      body: m.locale === "en"
        ? `It expires on ${n.reconfirmBy!.toISOString().slice(0, 10)} unless you re-confirm it.`
        : `如不确认，该需求将于 ${n.reconfirmBy!.toISOString().slice(0, 10)} 过期下架。`,
      link: `/needs/${n.id}`,
      dedupeKey: `need.reconfirm:${n.id}:${n.reconfirmBy!.toISOString().slice(0, 10)}`,
    })),
  );
  const { count } = await db.notification.createMany({ data: reminders, skipDuplicates: true });
  return { expired, reminded: count };
}
