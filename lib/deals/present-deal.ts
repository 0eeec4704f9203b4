import type { DealState, NeedStatus, Visibility } from "@/lib/generated/prisma/enums";
import { can, needFactsFrom, type Actor } from "@/lib/policy";
import type { DealFacts } from "@/lib/policy/rules";
import { followUpOpensAt } from "./follow-up-window";
import { manualMoves } from "./transitions";

export type Side = "company" | "researcher" | "staff";

export type Milestone = { title: string; dueAt?: string; amountCny?: number; paidAt?: string };

export type DealView = {
  id: string;
  state: DealState;
  version: number;
  side: Side;
  /** Both sides accepted: identities are revealed to each other. */
  revealed: boolean;
  need: { id: string | null; title: string | null; teaser: string | null; description: string | null; visibility: Visibility };
  /** `verified` / `organisationVerified`: a platform admin checked the organisation (components/orgs/org-name.tsx). */
  company: { name: string; verified: boolean } | null;
  researcher: { id: string; name: string; organisation: string | null; organisationVerified: boolean };
  result: { id: string; title: string } | null;
  broker: { name: string } | null;
  respondBy: string | null;
  lapsed: boolean;
  companyAcceptedAt: string | null;
  researcherAcceptedAt: string | null;
  awaitingMyAnswer: boolean;
  declineReason: string | null;
  moves: DealState[];
  contract: {
    mode: string;
    valueCny: number;
    contractRegistrationNo: string | null;
    signedAt: string;
    milestones: Milestone[];
    followUps: {
      id: string;
      monthsAfter: number;
      dueAt: string;
      /** From when the outcome may be recorded (a month before it is due). */
      opensAt: string;
      completedAt: string | null;
      productLaunched: boolean | null;
      revenueCny: number | null;
      patentsFiled: number | null;
      jobsCreated: number | null;
      notes: string | null;
    }[];
  } | null;
  createdAt: string;
};

export type DealRowForView = {
  id: string;
  state: DealState;
  version: number;
  researcherId: string;
  brokerId: string | null;
  respondBy: Date | null;
  companyAcceptedAt: Date | null;
  researcherAcceptedAt: Date | null;
  declineReason: string | null;
  createdAt: Date;
  need: {
    id: string;
    title: string;
    teaser: string | null;
    description: string;
    visibility: Visibility;
    organisationId: string;
    organisation: { name: string; verifiedAt?: Date | null };
    /** Policy facts, for staff: a broker reads the need on a deal only while acting for its owner. */
    status?: NeedStatus;
    brokerId?: string | null;
    brokerHelpAt?: Date | null;
    region?: string | null;
    chainNode?: { chainId: string } | null;
  };
  researcher: { id: string; name: string | null; email: string; organisation: { name: string; verifiedAt?: Date | null } | null };
  result: { id: string; title: string } | null;
  broker: { name: string | null } | null;
  contract: {
    mode: string;
    valueCny: number;
    contractRegistrationNo: string | null;
    signedAt: Date;
    milestones: unknown;
    followUps: {
      id: string;
      monthsAfter: number;
      dueAt: Date;
      completedAt: Date | null;
      productLaunched: boolean | null;
      revenueCny: number | null;
      patentsFiled: number | null;
      jobsCreated: number | null;
      notes: string | null;
    }[];
  } | null;
};

export function sideOf(actor: Actor, facts: DealFacts): Side {
  if (actor.id === facts.researcherId) return "researcher";
  if (actor.role === "COMPANY" && actor.organisationId === facts.needOrganisationId) return "company";
  return "staff";
}

// Staff see the need on a deal as they would on its page: admins and the brokers acting for the
// owner in full (rules.ts), a broker who handed it over only as far as its visibility allows.
function staffReadsNeed(actor: Actor, need: DealRowForView["need"]): boolean {
  const facts = needFactsFrom({ status: "PUBLISHED", brokerId: null, brokerHelpAt: null, region: null, chainNode: null, ...need });
  return can(actor, "need.readFull", facts) && can(actor, "need.seeOwner", facts);
}

// What one viewer may see of a deal, from an allow-list. Before both sides accept, a researcher
// sees the need only as far as its visibility allows and never the company's name unless the need
// is PUBLIC; a BROKER_ONLY need shows nothing but the broker's note (in the timeline).
export function presentDeal(actor: Actor, row: DealRowForView, now: Date, resumeTo: DealState | null = null): DealView {
  const facts = { needOrganisationId: row.need.organisationId, researcherId: row.researcherId, brokerId: row.brokerId };
  const side = sideOf(actor, facts);
  const revealed = row.companyAcceptedAt !== null && row.researcherAcceptedAt !== null;
  const v = row.need.visibility;
  const seesAll = side === "company" || (side === "researcher" ? revealed : staffReadsNeed(actor, row.need));
  const need = seesAll
    ? { id: row.need.id, title: row.need.title, teaser: row.need.teaser, description: row.need.description, visibility: v }
    : {
        id: v === "PUBLIC" || v === "ANONYMOUS" || v === "CONFIDENTIAL" ? row.need.id : null,
        title: v === "BROKER_ONLY" ? null : row.need.title,
        teaser: v === "CONFIDENTIAL" ? row.need.teaser : null,
        description: v === "PUBLIC" || v === "ANONYMOUS" ? row.need.description : null,
        visibility: v,
      };
  const showCompany = seesAll || v === "PUBLIC";
  const awaitingMyAnswer =
    row.state === "SUGGESTED" && ((side === "company" && !row.companyAcceptedAt) || (side === "researcher" && !row.researcherAcceptedAt));
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    side,
    revealed,
    need,
    company: showCompany ? { name: row.need.organisation.name, verified: Boolean(row.need.organisation.verifiedAt) } : null,
    researcher: {
      id: row.researcher.id,
      name: row.researcher.name ?? row.researcher.email,
      organisation: row.researcher.organisation?.name ?? null,
      organisationVerified: Boolean(row.researcher.organisation?.verifiedAt),
    },
    result: row.result,
    broker: row.broker ? { name: row.broker.name ?? "" } : null,
    respondBy: row.respondBy?.toISOString() ?? null,
    lapsed: row.state === "SUGGESTED" && row.respondBy !== null && row.respondBy <= now,
    companyAcceptedAt: row.companyAcceptedAt?.toISOString() ?? null,
    researcherAcceptedAt: row.researcherAcceptedAt?.toISOString() ?? null,
    awaitingMyAnswer,
    declineReason: row.declineReason,
    moves: manualMoves(row.state, resumeTo),
    contract: row.contract && {
      mode: row.contract.mode,
      valueCny: row.contract.valueCny,
      contractRegistrationNo: row.contract.contractRegistrationNo,
      signedAt: row.contract.signedAt.toISOString(),
      milestones: Array.isArray(row.contract.milestones) ? (row.contract.milestones as Milestone[]) : [],
      followUps: row.contract.followUps.map((f) => ({
        ...f,
        dueAt: f.dueAt.toISOString(),
        opensAt: followUpOpensAt(f.dueAt).toISOString(),
        completedAt: f.completedAt?.toISOString() ?? null,
      })),
    },
    createdAt: row.createdAt.toISOString(),
  };
}
