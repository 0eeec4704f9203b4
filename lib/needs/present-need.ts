import type { MaybeActor } from "@/lib/policy";
import { can } from "@/lib/policy";
import type { NeedFacts } from "@/lib/policy/rules";

// What a viewer may see of a need. Built field by field from an allow-list, so a new column
// never leaks by default.
export type NeedView = {
  id: string;
  access: "full" | "teaser";
  title: string;
  teaser: string | null;
  description: string | null;
  field: string;
  keywords: string[];
  lang: "zh" | "en";
  visibility: NeedFacts["visibility"];
  status: NeedFacts["status"];
  trlTarget: number | null;
  budgetMinCny: number | null;
  budgetMaxCny: number | null;
  collaborationModes: string[];
  region: string | null;
  triedSoFar: string | null;
  desiredOutcome: string | null;
  acceptanceCriteria: string | null;
  constraints: string | null;
  deadline: string | null;
  /** Owners only: when the need must be re-confirmed to stay published. */
  reconfirmBy: string | null;
  chainNode: { id: string; chainId: string; nameZh: string; nameEn: string } | null;
  organisation: { id: string; name: string } | null;
  isOwner: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type NeedRow = NeedFacts & {
  id: string;
  title: string;
  teaser: string | null;
  description: string;
  field: string;
  keywords: string[];
  lang: "zh" | "en";
  trlTarget: number | null;
  budgetMinCny: number | null;
  budgetMaxCny: number | null;
  collaborationModes: string[];
  region: string | null;
  triedSoFar?: string | null;
  desiredOutcome?: string | null;
  acceptanceCriteria?: string | null;
  constraints?: string | null;
  deadline?: Date | null;
  reconfirmBy?: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  chainNode: { id: string; chainId: string; nameZh: string; nameEn: string } | null;
  organisation: { id: string; name: string };
};

export function presentNeed(actor: MaybeActor, row: NeedRow): NeedView | null {
  if (!can(actor, "need.discover", row)) return null;
  const full = can(actor, "need.readFull", row);
  return {
    id: row.id,
    access: full ? "full" : "teaser",
    title: row.title,
    teaser: row.teaser,
    description: full ? row.description : null,
    field: row.field,
    keywords: full ? row.keywords : [],
    lang: row.lang,
    visibility: row.visibility,
    status: row.status,
    trlTarget: row.trlTarget,
    budgetMinCny: row.budgetMinCny,
    budgetMaxCny: row.budgetMaxCny,
    collaborationModes: full ? row.collaborationModes : [],
    region: full ? row.region : null,
    triedSoFar: full ? (row.triedSoFar ?? null) : null,
    desiredOutcome: full ? (row.desiredOutcome ?? null) : null,
    acceptanceCriteria: full ? (row.acceptanceCriteria ?? null) : null,
    constraints: full ? (row.constraints ?? null) : null,
    deadline: full && row.deadline ? row.deadline.toISOString() : null,
    reconfirmBy: actor?.organisationId === row.organisationId && row.reconfirmBy ? row.reconfirmBy.toISOString() : null,
    chainNode: row.chainNode,
    organisation: can(actor, "need.seeOwner", row) ? { id: row.organisation.id, name: row.organisation.name } : null,
    isOwner: actor?.organisationId === row.organisationId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const needRowInclude = {
  chainNode: { select: { id: true, chainId: true, nameZh: true, nameEn: true } },
  organisation: { select: { id: true, name: true } },
} as const;
