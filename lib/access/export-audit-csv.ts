import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type MaybeActor } from "@/lib/policy";
import { toCsvFile } from "@/lib/csv/write-csv";
import { recordAudit } from "./record-audit";

const COLUMNS = ["at", "action", "subject", "actorId", "actorEmail", "actorRole", "ip", "detail"] as const;

// The audit log as CSV for admins. The export is itself audited (before the rows are read, so
// it appears in its own file). Rows hold ids, levels and reason codes only, never need text.
export async function exportAuditCsv(actor: MaybeActor, range: { from?: string; to?: string }, ctx: { ip: string | null }): Promise<string> {
  authorize(actor, "audit.export");
  const where = {
    at: {
      ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}),
      ...(range.to ? { lt: new Date(new Date(`${range.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    },
  };
  await recordAudit(prisma, {
    actorId: actor.id,
    action: "audit.export",
    subject: "audit",
    detail: { from: range.from ?? null, to: range.to ?? null },
    ip: ctx.ip,
  });
  const rows = await prisma.auditLog.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }], take: 100_000 });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, role: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const lines = rows.map((r) => {
    const u = r.actorId ? byId.get(r.actorId) : undefined;
    return [r.at.toISOString(), r.action, r.subject, r.actorId, u?.email, u?.role, r.ip, r.detail ? JSON.stringify(r.detail) : ""];
  });
  return toCsvFile([COLUMNS, ...lines]);
}
