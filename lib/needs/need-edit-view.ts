import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { can, needScopeFor, type Actor } from "@/lib/policy";

// Everything an editor (owner company, or the broker who drafted it) needs to continue a need.
export type NeedEditView = {
  id: string;
  status: string;
  version: number;
  values: Record<string, string>;
  keywords: string[];
  collaborationModes: string[];
  /** The optional fields a confidential need's teaser shows (lib/needs/teaser.ts). */
  teaserFields: string[];
  draftedByBroker: { name: string; visitedOn: string; peopleMet: string; notes: string } | null;
  canTransition: boolean;
  attachments: { id: string; fileName: string; sizeBytes: number; contentType: string }[];
};

const TEXT_FIELDS = [
  "title",
  "description",
  "field",
  "visibility",
  "teaser",
  "chainNodeId",
  "region",
  "triedSoFar",
  "desiredOutcome",
  "acceptanceCriteria",
  "constraints",
] as const;

export async function getNeedForEdit(actor: Actor, needId: string): Promise<NeedEditView> {
  const row = await prisma.need.findFirst({
    where: { AND: [{ id: needId }, needScopeFor(actor)] },
    include: {
      visit: { select: { visitedOn: true, peopleMet: true, notes: true } },
      broker: { select: { name: true, email: true } },
      attachments: { select: { id: true, fileName: true, sizeBytes: true, contentType: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw notFound();
  if (!can(actor, "need.update", row) && !can(actor, "need.editAsBroker", row)) throw notFound();
  const values: Record<string, string> = {};
  for (const k of TEXT_FIELDS) values[k] = row[k] ?? "";
  values.trlTarget = row.trlTarget?.toString() ?? "";
  values.budgetMinCny = row.budgetMinCny?.toString() ?? "";
  values.budgetMaxCny = row.budgetMaxCny?.toString() ?? "";
  values.deadline = row.deadline ? row.deadline.toISOString().slice(0, 10) : "";
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    values,
    keywords: row.keywords,
    collaborationModes: row.collaborationModes,
    teaserFields: row.teaserFields,
    draftedByBroker:
      row.visit && row.broker
        ? {
            name: row.broker.name ?? row.broker.email,
            visitedOn: row.visit.visitedOn.toISOString().slice(0, 10),
            peopleMet: row.visit.peopleMet,
            notes: row.visit.notes,
          }
        : null,
    canTransition: can(actor, "need.transition", row),
    attachments: row.attachments,
  };
}
