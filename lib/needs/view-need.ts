import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { needSubject, recordAudit } from "@/lib/access/record-audit";
import type { MaybeActor } from "@/lib/policy";
import { findNeedRow } from "./get-need";
import { presentNeed, type NeedView } from "./present-need";

export type ViewContext = { ip: string | null; via: "page" | "api" };

// The need's own page or API read. A view of confidential detail (the full text of a
// CONFIDENTIAL or BROKER_ONLY need) writes exactly one audit row before the text is returned:
// if the audit write fails, nothing is shown.
export async function viewNeed(actor: MaybeActor, needId: string, ctx: ViewContext): Promise<NeedView> {
  const row = await findNeedRow(actor, needId);
  const view = row ? presentNeed(actor, row, "detail") : null;
  if (!row || !view) throw new AppError("NOT_FOUND", "Not found");
  if (view.access === "full" && (row.visibility === "CONFIDENTIAL" || row.visibility === "BROKER_ONLY")) {
    await recordAudit(prisma, {
      actorId: actor?.id ?? null,
      action: "need.view",
      subject: needSubject(row.id),
      detail: { visibility: row.visibility, version: row.version, via: ctx.via, grantId: row.accessRequests[0]?.id ?? null },
      ip: ctx.ip,
    });
  }
  return view;
}
