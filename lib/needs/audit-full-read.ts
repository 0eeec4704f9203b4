import "server-only";
import { needSubject, recordAudit, type AuditEntry } from "@/lib/access/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Visibility } from "@/lib/generated/prisma/enums";
import type { MaybeActor } from "@/lib/policy";

/** The surfaces a need's full text is shown on; each read is one audit row. */
export type ReadSurface = "page" | "api" | "broker" | "deal" | "export";

type Shown = { organisationId: string; visibility: Visibility; full: boolean; ownerShown: boolean };

/**
 * Whether showing a need this way is a full read the owner must find in its audit log: the full
 * text of a CONFIDENTIAL or BROKER_ONLY need (to anyone, the owner's own people included, as
 * before), or who posted a non-PUBLIC need to someone outside the owner organisation (a broker
 * or admin reading an ANONYMOUS need). Teasers and lists write nothing.
 */
export function isAuditedRead(actor: MaybeActor, shown: Shown): boolean {
  const guarded = shown.visibility === "CONFIDENTIAL" || shown.visibility === "BROKER_ONLY";
  if (shown.full && guarded) return true;
  const outsider = actor?.organisationId !== shown.organisationId;
  return outsider && shown.ownerShown && shown.visibility !== "PUBLIC";
}

/** Writes the read's audit row (before the text is returned: a failed write shows nothing). */
export async function auditFullRead(
  db: Pick<Prisma.TransactionClient, "auditLog">,
  actor: MaybeActor,
  need: Shown & { id: string; version: number },
  ctx: { via: ReadSurface; ip?: string | null; detail?: AuditEntry["detail"] },
): Promise<boolean> {
  if (!isAuditedRead(actor, need)) return false;
  await recordAudit(db, {
    actorId: actor?.id ?? null,
    action: "need.view",
    subject: needSubject(need.id),
    detail: { visibility: need.visibility, version: need.version, via: ctx.via, role: actor?.role ?? null, ...ctx.detail },
    ip: ctx.ip ?? null,
  });
  return true;
}
