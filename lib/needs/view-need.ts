import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { auditFullRead, type ReadSurface } from "./audit-full-read";
import type { MaybeActor } from "@/lib/policy";
import { findNeedRow } from "./get-need";
import { presentNeed, type NeedView } from "./present-need";

export type ViewContext = { ip: string | null; via: ReadSurface };

// The need's own page, the broker's need page or an API read. A full read (lib/needs/
// audit-full-read.ts: the full text of a CONFIDENTIAL or BROKER_ONLY need, or the owner of an
// ANONYMOUS one shown to staff) writes exactly one audit row before the text is returned: if the
// audit write fails, nothing is shown.
export async function viewNeed(actor: MaybeActor, needId: string, ctx: ViewContext): Promise<NeedView> {
  const row = await findNeedRow(actor, needId);
  const view = row ? presentNeed(actor, row, "detail") : null;
  if (!row || !view) throw notFound();
  await auditFullRead(
    prisma,
    actor,
    { ...row, full: view.access === "full", ownerShown: view.organisation !== null },
    {
      via: ctx.via,
      ip: ctx.ip,
      detail: { grantId: row.accessRequests[0]?.id ?? null },
    },
  );
  return view;
}
