import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/policy";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { needSubject } from "./record-audit";

export type NeedAuditEntry = {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string | null; email: string; organisation: string | null } | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
};

// "Who saw what and when" for a need's owner (or the broker acting for them): every audited
// event on the need, newest first.
export async function listNeedAudit(actor: Actor, needId: string, opts: { take?: number } = {}): Promise<NeedAuditEntry[]> {
  const row = await findNeedRow(actor, needId);
  if (!row) throw notFound();
  authorize(actor, "need.viewAudit", needFactsOf(row));
  const entries = await prisma.auditLog.findMany({
    where: { subject: needSubject(row.id) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(opts.take ?? 500, 2_000),
  });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true, organisation: { select: { name: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email, organisation: u.organisation?.name ?? null }]));
  return entries.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
    detail: (e.detail as Record<string, unknown> | null) ?? null,
    ip: e.ip,
  }));
}
