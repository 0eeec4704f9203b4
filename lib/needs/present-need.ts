import type { MaybeActor } from "@/lib/policy";
import { can, viewerFactsOf, viewerNeedInclude } from "@/lib/policy";
import type { NeedFacts } from "@/lib/policy/rules";
import type { ViewerNeedRelations } from "@/lib/policy/scopes";
import { teaserFieldsOf, teaserOf } from "./teaser";
import type { TeaserField } from "./teaser-fields";

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
  /** `verified`: a platform admin checked its registration code (components/orgs/org-name.tsx). */
  organisation: { id: string; name: string; verified: boolean } | null;
  isOwner: boolean;
  /** Owner-side settings (who may decide on access sees them; null for everyone else). */
  settings: { teaserFields: TeaserField[]; accessDays: number } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type NeedRow = NeedFacts &
  ViewerNeedRelations & {
    id: string;
    title: string;
    teaser: string | null;
    teaserFields: string[];
    accessDays: number;
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
    organisation: { id: string; name: string; verifiedAt: Date | null };
  };

// A need's policy facts, with what the database said about this viewer (grant, reveal).
export function needFactsOf(row: NeedFacts & ViewerNeedRelations): NeedFacts {
  return { organisationId: row.organisationId, visibility: row.visibility, status: row.status, brokerId: row.brokerId ?? null, ...viewerFactsOf(row) };
}

/**
 * `detail`: the need's own page / API read. Lists ("summary") never carry the confidential
 * detail of CONFIDENTIAL or BROKER_ONLY needs, so the only confidential views are detail reads,
 * each of which is audited once (lib/needs/view-need.ts).
 */
export function presentNeed(actor: MaybeActor, row: NeedRow, mode: "detail" | "summary" = "summary"): NeedView | null {
  const facts = needFactsOf(row);
  if (!can(actor, "need.discover", facts)) return null;
  const guarded = row.visibility === "CONFIDENTIAL" || row.visibility === "BROKER_ONLY";
  const full = can(actor, "need.readFull", facts) && (mode === "detail" || !guarded);
  // A teaser read shows what teaserOf decides (the same as search documents and alerts).
  const shown = full ? row : teaserOf(row);
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
    trlTarget: shown.trlTarget ?? null,
    budgetMinCny: shown.budgetMinCny ?? null,
    budgetMaxCny: shown.budgetMaxCny ?? null,
    collaborationModes: shown.collaborationModes,
    region: shown.region,
    triedSoFar: full ? (row.triedSoFar ?? null) : null,
    desiredOutcome: full ? (row.desiredOutcome ?? null) : null,
    acceptanceCriteria: full ? (row.acceptanceCriteria ?? null) : null,
    constraints: full ? (row.constraints ?? null) : null,
    deadline: full && row.deadline ? row.deadline.toISOString() : null,
    reconfirmBy: actor?.organisationId === row.organisationId && row.reconfirmBy ? row.reconfirmBy.toISOString() : null,
    chainNode: row.chainNode,
    organisation: ownerShown(actor, row, facts, mode)
      ? { id: row.organisation.id, name: row.organisation.name, verified: row.organisation.verifiedAt !== null }
      : null,
    isOwner: actor?.organisationId === row.organisationId,
    settings: can(actor, "need.manageAccess", facts) ? { teaserFields: teaserFieldsOf(row), accessDays: row.accessDays } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a list item (a search hit, a ranked match) shows of a need: a part of its "summary" NeedView. */
export type NeedHitView = Pick<
  NeedView,
  "id" | "access" | "title" | "teaser" | "field" | "lang" | "visibility" | "status" | "trlTarget" | "region" | "collaborationModes" | "organisation" | "version"
>;

/** Columns a list item does not show: `presentNeedHit` never reads them (placeholders below). */
type UnreadForHits = "description" | "keywords" | "budgetMinCny" | "budgetMaxCny" | "accessDays" | "createdAt" | "updatedAt";
/** What `presentNeedHit` needs: the need's policy facts (with this viewer's grant and reveal) and what a list item shows. */
export type NeedHitRow = Omit<NeedRow, UnreadForHits | "triedSoFar" | "desiredOutcome" | "acceptanceCriteria" | "constraints" | "deadline" | "reconfirmBy">;
const UNREAD: Pick<NeedRow, UnreadForHits> = {
  description: "",
  keywords: [],
  budgetMinCny: null,
  budgetMaxCny: null,
  accessDays: 0,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/**
 * `presentNeed(actor, row, "summary")` cut to a list item's fields, for reads that load only the
 * columns those fields come from (lib/needs/recheck-need-hits.ts). It IS presentNeed (one set of
 * rules): the columns it was not given are placeholders that no field of NeedHitView is built
 * from, and recheck-need-hits.int.test.ts holds the result to presentNeed on full rows for every
 * kind of viewer and need.
 */
export function presentNeedHit(actor: MaybeActor, row: NeedHitRow): NeedHitView | null {
  const view = presentNeed(actor, { ...row, ...UNREAD }, "summary");
  if (!view) return null;
  return {
    id: view.id,
    access: view.access,
    title: view.title,
    teaser: view.teaser,
    field: view.field,
    lang: view.lang,
    visibility: view.visibility,
    status: view.status,
    trlTarget: view.trlTarget,
    region: view.region,
    collaborationModes: view.collaborationModes,
    organisation: view.organisation,
    version: view.version,
  };
}

// Lists name the owner of a non-PUBLIC need only to its own people and to a researcher after the
// reveal; staff acting for the owner see it on the need's (audited) detail read.
function ownerShown(actor: MaybeActor, row: NeedRow, facts: NeedFacts, mode: "detail" | "summary"): boolean {
  if (!can(actor, "need.seeOwner", facts)) return false;
  return mode === "detail" || row.visibility === "PUBLIC" || actor?.organisationId === row.organisationId || facts.revealedToViewer === true;
}

/** What a need query must include for presentNeed, for this viewer (grant and reveal). */
export function needRowInclude(actor: MaybeActor, now: Date = new Date()) {
  return {
    chainNode: { select: { id: true, chainId: true, nameZh: true, nameEn: true } },
    organisation: { select: { id: true, name: true, verifiedAt: true } },
    ...viewerNeedInclude(actor, now),
  } as const;
}
