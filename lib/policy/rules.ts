import type { NeedStatus, Visibility } from "@/lib/generated/prisma/enums";
import type { MaybeActor } from "./actor";

// The one table of who may do what. Deny by default: an action missing here is never allowed.
// Resource-level checks receive the minimal facts they need (owner organisation, visibility).

export type NeedFacts = { organisationId: string; visibility: Visibility; status: NeedStatus };
export type ResultFacts = { organisationId: string; status: string };
// An introduction (deal): the need's owner organisation on one side, a researcher on the other.
export type DealFacts = { needOrganisationId: string; researcherId: string; brokerId: string | null };

type Rule<R> = (actor: MaybeActor, resource: R) => boolean;

const signedIn = (a: MaybeActor) => a !== null;
const isStaff = (a: MaybeActor) => a?.role === "BROKER" || a?.role === "ADMIN";
const inOrg = (a: MaybeActor, organisationId: string) => a !== null && a.organisationId === organisationId;
const LIVE_NEED: NeedStatus[] = ["PUBLISHED", "IN_PROGRESS", "SOLVED"];

// Seeing that a need exists at all (list, teaser). Non-live needs only to their owners and staff.
const needDiscover: Rule<NeedFacts> = (a, n) => {
  if (!signedIn(a)) return false;
  if (inOrg(a, n.organisationId) || isStaff(a)) return true;
  return n.visibility !== "BROKER_ONLY" && LIVE_NEED.includes(n.status);
};
// Reading the full text. CONFIDENTIAL needs: owners and staff (grants come with NDA access).
const needReadFull: Rule<NeedFacts> = (a, n) => {
  if (!needDiscover(a, n)) return false;
  if (inOrg(a, n.organisationId) || isStaff(a)) return true;
  return n.visibility === "PUBLIC" || n.visibility === "ANONYMOUS";
};
// Seeing which company posted it.
const needSeeOwner: Rule<NeedFacts> = (a, n) => {
  if (!needReadFull(a, n)) return false;
  if (inOrg(a, n.organisationId) || isStaff(a)) return true;
  return n.visibility === "PUBLIC";
};

// The two sides of a deal. Staff (brokers, admins) run deals; the parties take part in them.
const companySide = (a: MaybeActor, d: DealFacts) => a?.role === "COMPANY" && inOrg(a, d.needOrganisationId);
const researcherSide = (a: MaybeActor, d: DealFacts) => a !== null && a.id === d.researcherId;
const dealParty = (a: MaybeActor, d: DealFacts) => companySide(a, d) || researcherSide(a, d);

export const rules = {
  "need.create": ((a) => a?.role === "COMPANY" && a.organisationId !== null) as Rule<void>,
  "need.discover": needDiscover,
  "need.readFull": needReadFull,
  "need.seeOwner": needSeeOwner,
  "need.update": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  "result.create": ((a) => (a?.role === "RESEARCHER" || a?.role === "BROKER") && a.organisationId !== null) as Rule<void>,
  "result.read": ((a, r) => signedIn(a) && (r.status === "PUBLISHED" || inOrg(a, r.organisationId) || isStaff(a))) as Rule<ResultFacts>,
  "result.update": ((a, r) => inOrg(a, r.organisationId) && (a?.role === "RESEARCHER" || a?.role === "BROKER")) as Rule<ResultFacts>,
  "catalog.search": ((a) => signedIn(a)) as Rule<void>,
  "token.create": ((a) => signedIn(a)) as Rule<void>,
  "org.invite": ((a) => a !== null && a.isOrgAdmin && a.organisationId !== null) as Rule<void>,
  "broker.workbench": ((a) => isStaff(a)) as Rule<void>,
  "need.triage": ((a) => isStaff(a)) as Rule<NeedFacts>,
  "need.decideEdit": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  "visit.log": ((a) => isStaff(a)) as Rule<void>,
  "metrics.read": ((a) => isStaff(a)) as Rule<void>,
  "deal.list": ((a) => signedIn(a)) as Rule<void>,
  "deal.read": ((a, d) => isStaff(a) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.respond": dealParty as Rule<DealFacts>,
  "deal.advance": ((a, d) => isStaff(a) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.message": ((a, d) => isStaff(a) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.followUp": ((a) => isStaff(a)) as Rule<DealFacts>,
  "admin.outbox": ((a) => a?.role === "ADMIN") as Rule<void>,
} as const;

export type Action = keyof typeof rules;
export type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
