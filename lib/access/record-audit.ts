import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Append-only audit trail (a database trigger refuses UPDATE, DELETE and TRUNCATE on AuditLog).
// `detail` holds ids, levels and reason codes only: never need text or message bodies, so the
// log and its CSV export follow the same confidentiality rules as everything else.
export const AUDIT_ACTIONS = [
  "need.view",
  // A download of a confidential need's attachment (lib/attachments): as much a full read as a view.
  "need.attachment",
  "need.visibility",
  "nda.publish",
  "nda.accept",
  "access.request",
  "access.grant",
  "access.decline",
  "access.revoke",
  "audit.export",
  // Staff roles and organisation verification (lib/staff, lib/orgs): subject "user:<id>" / "org:<id>".
  "staff.grant",
  "staff.revoke",
  "org.verify",
  // Brokers (issue 11): the owner asks for help; a broker takes, or is handed, the need.
  "need.brokerHelp",
  "need.assign",
  "need.handOver",
  // A broker's clarification request and the owner's answer (issue 14): detail holds the request's id only.
  "need.clarify",
  "need.clarifyAnswer",
  "broker.portfolio",
  // Challenges (issue 15): subject "challenge:<id>". NDA acceptances, conflict declarations, awards,
  // questions to applicants, panel removals and downloads of application / deliverable files.
  "challenge.ndaAccept",
  "challenge.conflict",
  "challenge.award",
  "challenge.question",
  "challenge.panelRemove",
  "challenge.attachment",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  /** "need:<id>" for everything about a need, so its owner can list it by one key. */
  subject: string;
  detail?: Record<string, string | number | boolean | null>;
  ip?: string | null;
};

type Db = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, subject: entry.subject, detail: entry.detail ?? undefined, ip: entry.ip ?? null },
  });
}

export const needSubject = (needId: string) => `need:${needId}`;
