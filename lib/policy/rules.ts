import type { ChallengeStatus, InstrumentStatus, NeedStatus, OrgKind, Role, Visibility } from "@/lib/generated/prisma/enums";
import { memberRoleFits } from "@/lib/staff/roles";
import type { MaybeActor } from "./actor";

// The one table of who may do what. Deny by default: an action missing here is never allowed.
// Resource-level checks receive the minimal facts they need (owner organisation, visibility).
// Facts about the viewer (a live access grant, a revealed introduction) must come from a query
// made for THIS viewer on THIS request (lib/policy/scopes.ts `viewerNeedInclude`), never from a
// cache: revocation and expiry then take effect on the very next request.

export type NeedFacts = {
  organisationId: string;
  visibility: Visibility;
  status: NeedStatus;
  /** The broker assigned to the need, who may act for the owner. */
  brokerId?: string | null;
  /** The viewer holds an APPROVED, unrevoked, unexpired access request (loaded with the need). */
  grantedToViewer?: boolean;
  /** Both sides accepted an introduction between the viewer and the need's company. */
  revealedToViewer?: boolean;
  /** The owner asked for a broker's help (提交经纪人审核, Need.brokerHelpAt set). */
  brokerHelpRequested?: boolean;
  /** Where the need sits, for a broker's portfolio (Need.region, its chain node's chain). */
  region?: string | null;
  chainId?: string | null;
};
export type ResultFacts = { organisationId: string; status: string };
export type DraftFacts = NeedFacts & { brokerId: string | null };
// An introduction (deal): the need's owner organisation on one side, a researcher on the other.
export type DealFacts = {
  needOrganisationId: string;
  researcherId: string;
  /** The broker who made the introduction. */
  brokerId: string | null;
  /** The broker the need is assigned to now (after a hand-over, the new one runs its deals). */
  needBrokerId?: string | null;
};
/** An invitation into the inviter's own organisation, of this kind, with this role. */
export type InviteFacts = { organisationId: string; organisationKind: OrgKind; role: Role };
/** A message thread on an access request. */
export type ThreadFacts = { requesterId: string; need: NeedFacts };
/** A contact request ("I can help" on a need, "I'm interested" on a result). */
export type ContactFacts = { ownerOrganisationId: string; senderId: string; status: "PENDING" | "ACCEPTED" | "DECLINED" | "EXPIRED" };

/** A shared instrument (issue 17): the institution that lists it and its manager. */
export type InstrumentFacts = { organisationId: string; managerId: string; status: InstrumentStatus };
/** A booking of an instrument: who booked it (and for which organisation), and the instrument. */
export type BookingFacts = { bookerId: string; organisationId?: string | null; instrument: InstrumentFacts };
/** An institution's list of partner organisations (partner price tier). */
export type InstitutionFacts = { organisationId: string };

// A challenge (揭榜挂帅, issue 15) and the viewer's relation to it, loaded for THIS viewer on THIS
// request (lib/challenges/load.ts). Applications are confidential between the applicant (and their
// team), the sponsor and the panel; a panel member who declared a conflict on an application
// neither sees nor scores it.
export type ChallengeFacts = {
  organisationId: string;
  status: ChallengeStatus;
  visibility: Visibility;
  draftedByBrokerId: string | null;
  blindReview: boolean;
  /** The viewer accepted the challenge's NDA (CONFIDENTIAL challenges). */
  ndaAcceptedByViewer?: boolean;
  /** The viewer sits on the challenge's review panel. */
  viewerOnPanel?: boolean;
};
export type ApplicationFacts = {
  challenge: ChallengeFacts;
  applicantId: string;
  /** The viewer is on the application's team. */
  viewerInTeam?: boolean;
  /** The viewer (a panel member) declared a conflict of interest on this application. */
  viewerConflicted?: boolean;
};

/** The sponsor a challenge draft made from a key project list item would belong to (a programme). */
export type ProgrammeFacts = { sponsorOrganisationId: string | null; sponsorKind: OrgKind | null };

type Rule<R> = (actor: MaybeActor, resource: R) => boolean;

// `!= null`: a caller that passes `undefined` for "nobody" is treated as anonymous, never as a user.
const signedIn = (a: MaybeActor) => a != null;
const isStaff = (a: MaybeActor) => a?.role === "BROKER" || a?.role === "ADMIN";
const isAdmin = (a: MaybeActor) => a?.role === "ADMIN";
const inOrg = (a: MaybeActor, organisationId: string) => a != null && a.organisationId === organisationId;
const LIVE_NEED: NeedStatus[] = ["PUBLISHED", "IN_PROGRESS", "SOLVED"];

// Least privilege for brokers (issue 11). A broker acts for a need's owner, and so reads its full
// text and learns who posted it, only when the need is assigned to them, when the owner asked for
// a broker's help, or when it is BROKER_ONLY and in the portfolio a platform admin gave them.
// Otherwise a broker sees what a researcher sees. Platform admins keep full read (they run the
// platform and settle disputes); every full read by anyone outside the owner organisation is
// audited (lib/needs/audit-full-read.ts).
const assignedBroker = (a: MaybeActor, n: { brokerId?: string | null }) => a?.role === "BROKER" && !!n.brokerId && n.brokerId === a.id;
export const inBrokerPortfolio = (a: MaybeActor, n: Pick<NeedFacts, "region" | "chainId">): boolean => {
  const p = a?.role === "BROKER" ? a.brokerPortfolio : null;
  if (!p) return false;
  return (!!n.chainId && p.chainIds.includes(n.chainId)) || (!!n.region && p.regions.includes(n.region));
};
const helpRequested = (n: NeedFacts) => n.brokerHelpRequested === true && n.status !== "DRAFT";
/** The broker (or admin) acts for the owner on this need: full text and owner identity. */
const actsForOwner = (a: MaybeActor, n: NeedFacts): boolean =>
  isAdmin(a) || assignedBroker(a, n) || (a?.role === "BROKER" && (helpRequested(n) || (n.visibility === "BROKER_ONLY" && inBrokerPortfolio(a, n))));

// Seeing that a need exists at all (list, teaser). Non-live needs only to their owners, admins
// and the brokers acting for them; other brokers see every need past DRAFT except BROKER_ONLY
// ones (their queue: a teaser, to pick up or leave). Anonymous visitors (the public catalogue,
// issue 14) see what a researcher without a grant sees: live needs that are not BROKER_ONLY,
// CONFIDENTIAL ones as their teaser and ANONYMOUS ones without the owner (needReadFull and
// needSeeOwner below decide that for them as for everyone).
const publicNeed = (n: NeedFacts) => n.visibility !== "BROKER_ONLY" && LIVE_NEED.includes(n.status);
const needDiscover: Rule<NeedFacts> = (a, n) => {
  if (!signedIn(a)) return publicNeed(n);
  if (inOrg(a, n.organisationId) || actsForOwner(a, n)) return true;
  if (a?.role === "BROKER") return n.visibility !== "BROKER_ONLY" && n.status !== "DRAFT";
  return publicNeed(n);
};
// Reading the full text. CONFIDENTIAL needs: owners, the staff acting for them and holders of a
// live access grant.
const needReadFull: Rule<NeedFacts> = (a, n) => {
  if (!needDiscover(a, n)) return false;
  if (inOrg(a, n.organisationId) || actsForOwner(a, n)) return true;
  if (n.visibility === "CONFIDENTIAL") return n.grantedToViewer === true;
  return n.visibility === "PUBLIC" || n.visibility === "ANONYMOUS";
};
// Seeing which company posted it: PUBLIC needs, or after both sides accepted an introduction.
const needSeeOwner: Rule<NeedFacts> = (a, n) => {
  if (!needReadFull(a, n)) return false;
  if (inOrg(a, n.organisationId) || actsForOwner(a, n)) return true;
  return n.visibility === "PUBLIC" || n.revealedToViewer === true;
};
// Deciding who reads a confidential need: the owning company, or the broker acting for it.
const needManageAccess: Rule<NeedFacts> = (a, n) => (inOrg(a, n.organisationId) && a?.role === "COMPANY") || assignedBroker(a, n);
// Asking to read a confidential need in full (accepting its NDA first).
const needRequestAccess: Rule<NeedFacts> = (a, n) =>
  a?.role === "RESEARCHER" && n.visibility === "CONFIDENTIAL" && needDiscover(a, n) && !inOrg(a, n.organisationId);
// The thread on an access request is as confidential as the need: the requester reads it only
// while they may read the need in full.
const threadUse: Rule<ThreadFacts> = (a, t) => needManageAccess(a, t.need) || (a != null && a.id === t.requesterId && needReadFull(a, t.need));

// The two sides of a deal. Staff (brokers, admins) run deals; the parties take part in them.
const companySide = (a: MaybeActor, d: DealFacts) => a?.role === "COMPANY" && inOrg(a, d.needOrganisationId);
const researcherSide = (a: MaybeActor, d: DealFacts) => a != null && a.id === d.researcherId;
const dealParty = (a: MaybeActor, d: DealFacts) => companySide(a, d) || researcherSide(a, d);
// Staff running a deal: the broker who made the introduction, the need's broker, or an admin.
const dealStaff = (a: MaybeActor, d: DealFacts) =>
  isAdmin(a) || (a?.role === "BROKER" && ((!!d.brokerId && d.brokerId === a.id) || (!!d.needBrokerId && d.needBrokerId === a.id)));

// Making contact (issue 14). Members of the two sides of the market (companies, researchers)
// write to the owner of a need or result that is open and not their own organisation's; staff
// introduce people through deals instead. The owner organisation's members decide; the sender
// and the owner organisation read the request, and write in its thread once it is accepted.
const marketMember = (a: MaybeActor) => a?.role === "COMPANY" || a?.role === "RESEARCHER";
const OPEN_NEED: NeedStatus[] = ["PUBLISHED", "IN_PROGRESS"];
const contactOwnerSide = (a: MaybeActor, c: ContactFacts) => marketMember(a) && inOrg(a, c.ownerOrganisationId);
const contactParty = (a: MaybeActor, c: ContactFacts) => (a != null && a.id === c.senderId) || contactOwnerSide(a, c);
// Shared instruments (issue 17). Members of organisations (companies and researchers) list and
// book instruments; staff do not book. An instrument is managed by its manager and by the admins
// of the institution that lists it; bookings are seen by the booker and those managers only.
const orgMember = (a: MaybeActor) => (a?.role === "COMPANY" || a?.role === "RESEARCHER") && a.organisationId !== null;
const booker = (a: MaybeActor) => a?.role === "COMPANY" || a?.role === "RESEARCHER";
const institutionAdmin = (a: MaybeActor, organisationId: string) => inOrg(a, organisationId) && !!a?.isOrgAdmin && booker(a);
const instrumentManager = (a: MaybeActor, i: InstrumentFacts) => a !== null && (a.id === i.managerId || institutionAdmin(a, i.organisationId));
// The booker's side of a booking: the booker and the admins of the organisation they booked for.
const bookerSide = (a: MaybeActor, b: BookingFacts) => (a !== null && a.id === b.bookerId) || (!!b.organisationId && institutionAdmin(a, b.organisationId));
// Challenges. The sponsor side: members (COMPANY role) of the sponsoring organisation, and platform
// admins, who run government/park programmes and settle disputes.
const PUBLIC_CHALLENGE: ChallengeStatus[] = ["OPEN", "REVIEW", "AWARDED", "COMPLETED"];
const challengeSponsor = (a: MaybeActor, c: ChallengeFacts) => isAdmin(a) || (a?.role === "COMPANY" && inOrg(a, c.organisationId));
const challengeDrafter = (a: MaybeActor, c: ChallengeFacts) => a?.role === "BROKER" && !!c.draftedByBrokerId && c.draftedByBrokerId === a.id;
const challengeDiscover: Rule<ChallengeFacts> = (a, c) =>
  PUBLIC_CHALLENGE.includes(c.status) || challengeSponsor(a, c) || inOrg(a, c.organisationId) || challengeDrafter(a, c);
const challengeReadDetails: Rule<ChallengeFacts> = (a, c) =>
  challengeDiscover(a, c) &&
  (c.visibility === "PUBLIC" ||
    challengeSponsor(a, c) ||
    inOrg(a, c.organisationId) ||
    challengeDrafter(a, c) ||
    (a !== null && (c.ndaAcceptedByViewer === true || c.viewerOnPanel === true)));
const applicantSide = (a: MaybeActor, p: ApplicationFacts) => a !== null && (a.id === p.applicantId || p.viewerInTeam === true);
const clearPanel = (a: MaybeActor, p: ApplicationFacts) => a !== null && p.challenge.viewerOnPanel === true && p.viewerConflicted !== true;
const applicationRead: Rule<ApplicationFacts> = (a, p) => applicantSide(a, p) || challengeSponsor(a, p.challenge) || clearPanel(a, p);

export const rules = {
  "need.create": ((a) => a?.role === "COMPANY" && a.organisationId !== null) as Rule<void>,
  "need.discover": needDiscover,
  "need.readFull": needReadFull,
  "need.seeOwner": needSeeOwner,
  "need.update": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  // Lifecycle (publish, withdraw, re-confirm, ...): the owning company, never a broker.
  "need.transition": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  // A broker edits only the drafts they wrote after a visit, until the company publishes them.
  "need.editAsBroker": ((a, n) => a?.role === "BROKER" && n.status === "DRAFT" && n.brokerId === a.id) as Rule<DraftFacts>,
  "need.attach": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  // Company visits (one page, /visits): brokers record them and draft needs for the company there.
  "visit.create": ((a) => a?.role === "BROKER") as Rule<void>,
  // Bulk import of needs as drafts (issue 14): a company into its own organisation, a broker for
  // the companies named on the rows (each company confirms its drafts).
  "need.import": ((a) => (a?.role === "COMPANY" && a.organisationId !== null) || a?.role === "BROKER") as Rule<void>,
  "result.import": ((a) => (a?.role === "RESEARCHER" || a?.role === "BROKER") && a.organisationId !== null) as Rule<void>,
  "need.requestAccess": needRequestAccess,
  "need.manageAccess": needManageAccess,
  "need.viewAudit": needManageAccess,
  "accessThread.use": threadUse,
  "audit.export": ((a) => a?.role === "ADMIN") as Rule<void>,
  "result.create": ((a) => (a?.role === "RESEARCHER" || a?.role === "BROKER") && a.organisationId !== null) as Rule<void>,
  // Published results are public (anonymous visitors included); drafts and withdrawn ones only
  // to their organisation and staff.
  "result.read": ((a, r) => r.status === "PUBLISHED" || (signedIn(a) && (inOrg(a, r.organisationId) || isStaff(a)))) as Rule<ResultFacts>,
  "result.update": ((a, r) => inOrg(a, r.organisationId) && (a?.role === "RESEARCHER" || a?.role === "BROKER")) as Rule<ResultFacts>,
  "catalog.search": ((a) => signedIn(a)) as Rule<void>,
  // The public catalogue (home page, /needs, /results, /search, sitemap): anyone, anonymous
  // visitors included. WHAT each viewer sees there is decided row by row by need.discover,
  // need.readFull, need.seeOwner and result.read (and their scopes in scopes.ts).
  "catalog.browse": (() => true) as Rule<void>,
  // Derived from a need's full text (its matches, the researchers who fit): members who may read
  // it in full; never anonymous visitors (a match list names researchers and their results).
  "need.matches": ((a, n) => signedIn(a) && needReadFull(a, n)) as Rule<NeedFacts>,
  "token.create": ((a) => signedIn(a)) as Rule<void>,
  "org.invite": ((a) => a != null && a.isOrgAdmin && a.organisationId !== null) as Rule<void>,
  // The role an invitation creates: only a member role that fits the organisation's kind, never
  // a staff role (those come from a platform admin's grant: "staff.grant").
  "org.inviteAs": ((a, i) => a != null && a.isOrgAdmin && inOrg(a, i.organisationId) && memberRoleFits(i.organisationKind, i.role)) as Rule<InviteFacts>,
  // Staff roles (BROKER, ADMIN, ANALYST): granted, revoked and listed by platform admins only.
  "staff.grant": ((a) => a?.role === "ADMIN") as Rule<void>,
  "staff.revoke": ((a) => a?.role === "ADMIN") as Rule<void>,
  "staff.list": ((a) => a?.role === "ADMIN") as Rule<void>,
  // Verifying an organisation (its registration code checked): platform admins only.
  "org.verify": ((a) => a?.role === "ADMIN") as Rule<void>,
  "broker.workbench": ((a) => isStaff(a)) as Rule<void>,
  // Triage (clarify, mark ready, propose edits, introduce): the assigned broker, or an admin.
  "broker.triage": ((a, n) => isAdmin(a) || assignedBroker(a, n)) as Rule<NeedFacts>,
  // "Assign to me": a broker picks up an UNASSIGNED need they may act on or that is open anyway
  // (PUBLIC, the owner asked for help, or in their portfolio). The service repeats
  // `brokerId: null` in the update's where, so two concurrent claims cannot both win (409).
  "broker.claim": ((a, n) =>
    a?.role === "BROKER" &&
    !n.brokerId &&
    n.status !== "DRAFT" &&
    (n.visibility === "PUBLIC" || helpRequested(n) || inBrokerPortfolio(a, n))) as Rule<NeedFacts>,
  // Handing a need over to another broker: the assigned broker, or an admin (who may also
  // assign any need to anyone, taking it from its broker).
  "broker.handOver": ((a, n) => isAdmin(a) || assignedBroker(a, n)) as Rule<NeedFacts>,
  // The owner asks for (or withdraws) a broker's help: the owning company.
  "need.askBrokerHelp": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  // Answering a broker's clarification request (issue 14): the owning company.
  "need.answerClarification": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  "proposal.decide": ((a, n) => inOrg(a, n.organisationId) && a?.role === "COMPANY") as Rule<NeedFacts>,
  "metrics.read": ((a) => isStaff(a)) as Rule<void>,
  // Taxonomy analytics (counts of demand, supply and unmet demand per chain node): staff only.
  "analytics.read": ((a) => isStaff(a) || a?.role === "ANALYST") as Rule<void>,
  // Chain monitor (issue 16): the chain map, node portraits and chart exports. Aggregates only;
  // the needs listed on a portrait still go through needScopeFor / presentNeed.
  "monitor.read": ((a) => isStaff(a) || a?.role === "ANALYST") as Rule<void>,
  // Key project lists (重点项目清单): each reader of the monitor keeps their own lists (the
  // services put ownerId into `where`), exports them and turns items into challenge drafts.
  "monitor.keyList": ((a) => isStaff(a) || a?.role === "ANALYST") as Rule<void>,
  // A key project list item (chain monitor) turned into a challenge DRAFT for a government / park
  // programme (the sponsor is the programme's GOVERNMENT organisation, run by staff): an analyst
  // for their own programme, a platform admin for any. Never publishing: that stays
  // "challenge.manage" (the sponsor side). Brokers draft for companies ("challenge.create"), not here.
  "monitor.challengeDraft": ((a, p) =>
    p.sponsorKind === "GOVERNMENT" &&
    p.sponsorOrganisationId !== null &&
    ((a?.role === "ANALYST" && inOrg(a, p.sponsorOrganisationId)) || isAdmin(a))) as Rule<ProgrammeFacts>,
  "deal.list": ((a) => signedIn(a)) as Rule<void>,
  "deal.read": ((a, d) => dealStaff(a, d) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.respond": dealParty as Rule<DealFacts>,
  "deal.advance": ((a, d) => dealStaff(a, d) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.message": ((a, d) => dealStaff(a, d) || dealParty(a, d)) as Rule<DealFacts>,
  "deal.followUp": dealStaff as Rule<DealFacts>,
  "admin.outbox": ((a) => a?.role === "ADMIN") as Rule<void>,
  "admin.jobs": ((a) => a?.role === "ADMIN") as Rule<void>,
  // Matching delivered to people (issue 5). Rows are always the actor's own: the services put
  // userId into `where`.
  "notification.read": ((a) => signedIn(a)) as Rule<void>,
  "notification.settings": ((a) => signedIn(a)) as Rule<void>,
  "savedSearch.manage": ((a) => signedIn(a)) as Rule<void>,
  "expertise.update": ((a) => a?.role === "RESEARCHER") as Rule<void>,
  "researcher.dashboard": ((a) => a?.role === "RESEARCHER") as Rule<void>,
  "broker.candidates": ((a) => isStaff(a)) as Rule<void>,
  "contact.offer": ((a, n) => marketMember(a) && needDiscover(a, n) && !inOrg(a, n.organisationId) && OPEN_NEED.includes(n.status)) as Rule<NeedFacts>,
  "contact.interest": ((a, r) => marketMember(a) && r.status === "PUBLISHED" && !inOrg(a, r.organisationId)) as Rule<ResultFacts>,
  "contact.decide": contactOwnerSide as Rule<ContactFacts>,
  "contact.read": contactParty as Rule<ContactFacts>,
  "contact.message": ((a, c) => contactParty(a, c) && c.status === "ACCEPTED") as Rule<ContactFacts>,
  "contact.list": ((a) => signedIn(a)) as Rule<void>,
  // Feedback on a need-result match; the service also checks that both are visible to the actor.
  "match.feedback": ((a) => signedIn(a)) as Rule<void>,
  // Shared instruments (issue 17).
  "instrument.create": ((a) => orgMember(a)) as Rule<void>,
  "instrument.import": ((a) => orgMember(a)) as Rule<void>,
  // The catalogue is open to everyone, visitors included (SMEs must find instruments); a retired
  // instrument only to its institution and platform admins.
  "instrument.read": ((a, i) => i.status === "ACTIVE" || inOrg(a, i.organisationId) || isAdmin(a)) as Rule<InstrumentFacts>,
  "instrument.update": instrumentManager as Rule<InstrumentFacts>,
  "instrument.book": ((a, i) => booker(a) && i.status === "ACTIVE") as Rule<InstrumentFacts>,
  // Per-instrument and per-institution sharing metrics: the institution, staff and analysts.
  "instrument.metrics": ((a, i) => inOrg(a, i.organisationId) || isStaff(a) || a?.role === "ANALYST") as Rule<InstrumentFacts>,
  // Every institution's metrics side by side (evaluation, 考评): platform staff and analysts.
  "instrument.institutionMetrics": ((a) => isStaff(a) || a?.role === "ANALYST") as Rule<void>,
  // Sharing rates aggregated by institution kind and region (no single booking shows): public.
  "instrument.sharingRates": (() => true) as Rule<void>,
  "booking.read": ((a, b) => bookerSide(a, b) || instrumentManager(a, b.instrument) || isAdmin(a)) as Rule<BookingFacts>,
  // Accept a proposed slot, rate after completion: the booker.
  "booking.respond": ((a, b) => a !== null && a.id === b.bookerId) as Rule<BookingFacts>,
  // Cancel: the booker (free until the institution's deadline) or the instrument's managers.
  "booking.cancel": ((a, b) => (a !== null && a.id === b.bookerId) || instrumentManager(a, b.instrument)) as Rule<BookingFacts>,
  // Approve, decline, propose another slot, record use and fee, mark a no-show: the instrument's managers.
  "booking.manage": ((a, b) => instrumentManager(a, b.instrument)) as Rule<BookingFacts>,
  // The test report of a completed booking: the instrument's managers attach it; only the booker's
  // side and the managers ever see its name or download it (not platform staff, not other members).
  "booking.attachReport": ((a, b) => instrumentManager(a, b.instrument)) as Rule<BookingFacts>,
  "booking.report": ((a, b) => bookerSide(a, b) || instrumentManager(a, b.instrument)) as Rule<BookingFacts>,
  // Photos of an instrument: its managers add and remove them (everyone who may read it sees them).
  "instrument.photo": instrumentManager as Rule<InstrumentFacts>,
  // Which organisations are the institution's partners (partner price tier): its admins.
  "instrument.partners": ((a, i) => institutionAdmin(a, i.organisationId)) as Rule<InstitutionFacts>,
  // Challenges (揭榜挂帅). Sponsors (a company's members) and staff create them; a broker drafts one
  // for a company, which publishes (approves) it.
  "challenge.create": ((a) => (a?.role === "COMPANY" && a.organisationId !== null) || a?.role === "BROKER" || isAdmin(a)) as Rule<void>,
  "challenge.discover": challengeDiscover,
  // The problem, indicators and eligibility: PUBLIC, or after accepting the NDA (and the panel).
  "challenge.readDetails": challengeReadDetails,
  "challenge.acceptNda": ((a, c) =>
    a !== null && c.visibility === "CONFIDENTIAL" && c.status === "OPEN" && !inOrg(a, c.organisationId) && !challengeSponsor(a, c)) as Rule<ChallengeFacts>,
  "challenge.edit": ((a, c) => c.status === "DRAFT" && (challengeSponsor(a, c) || challengeDrafter(a, c))) as Rule<ChallengeFacts>,
  // Publishing (the sponsor's approval of a broker's draft), closing, cancelling, the panel,
  // shortlisting, the award, milestone payments and the outcome: the sponsor side only.
  "challenge.manage": challengeSponsor as Rule<ChallengeFacts>,
  "challenge.apply": ((a, c) =>
    (a?.role === "RESEARCHER" || a?.role === "COMPANY") &&
    !inOrg(a, c.organisationId) &&
    c.viewerOnPanel !== true &&
    challengeReadDetails(a, c)) as Rule<ChallengeFacts>,
  // The panel's page: the applications of the challenge the expert has no conflict with.
  "challenge.review": ((a, c) => a !== null && c.viewerOnPanel === true) as Rule<ChallengeFacts>,
  "application.read": applicationRead,
  // Blind review hides who applied from the experts (not from the sponsor or the team).
  "application.seeApplicant": ((a, p) =>
    applicantSide(a, p) || challengeSponsor(a, p.challenge) || (clearPanel(a, p) && !p.challenge.blindReview)) as Rule<ApplicationFacts>,
  "application.withdraw": ((a, p) => a !== null && a.id === p.applicantId) as Rule<ApplicationFacts>,
  "application.declareConflict": ((a, p) => a !== null && p.challenge.viewerOnPanel === true) as Rule<ApplicationFacts>,
  "application.score": clearPanel as Rule<ApplicationFacts>,
  "milestone.submit": applicantSide as Rule<ApplicationFacts>,
  // Acceptance (结题验收 for the last one): the sponsor or an unconflicted panel member.
  "milestone.decide": ((a, p) => challengeSponsor(a, p.challenge) || clearPanel(a, p)) as Rule<ApplicationFacts>,
  "milestone.recordPayment": ((a, p) => challengeSponsor(a, p.challenge)) as Rule<ApplicationFacts>,
  // Questions to a shortlisted applicant: asked by the sponsor or an unconflicted panel member,
  // answered in place by the applicant or their team; read by whoever reads the application.
  "application.ask": ((a, p) => challengeSponsor(a, p.challenge) || clearPanel(a, p)) as Rule<ApplicationFacts>,
  "application.answer": applicantSide as Rule<ApplicationFacts>,
  // Files of an application (approach, team CVs, test reports): added by the applicant side;
  // downloaded by whoever reads the application (application.read).
  "application.attach": applicantSide as Rule<ApplicationFacts>,
  // The challenge's matched results and researchers: the sponsor side and staff (brokers bring
  // solvers to a call); solvers see the calls matched to them on their dashboard instead.
  "challenge.seeMatches": ((a, c) => challengeSponsor(a, c) || challengeDrafter(a, c) || isStaff(a)) as Rule<ChallengeFacts>,
} as const;

export type Action = keyof typeof rules;
export type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];
