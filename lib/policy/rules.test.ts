import { describe, expect, it } from "vitest";
import type { Visibility } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";
import { can } from "./index";
import type { ApplicationFacts, ChallengeFacts, NeedFacts } from "./rules";

const actor = (role: Actor["role"], organisationId: string | null): Actor => ({
  id: `u-${role}-${organisationId}`,
  role,
  organisationId,
  isOrgAdmin: false,
  email: "x@example.com",
  name: null,
});

const owner = actor("COMPANY", "org-owner");
const otherCompany = actor("COMPANY", "org-other");
const researcher = actor("RESEARCHER", "org-uni");
const broker = actor("BROKER", "org-tto"); // no relationship to the need: sees what a researcher sees
const admin = actor("ADMIN", "org-gov");
const need = (visibility: Visibility, status: NeedFacts["status"] = "PUBLISHED"): NeedFacts => ({ organisationId: "org-owner", visibility, status });

// Expected table: [visibility] -> viewer -> [discover, readFull, seeOwner]
const expected: Record<Visibility, Record<string, [boolean, boolean, boolean]>> = {
  PUBLIC: {
    anonymous: [true, true, true], // the public catalogue (issue 14)
    owner: [true, true, true],
    otherCompany: [true, true, true],
    researcher: [true, true, true],
    broker: [true, true, true],
    admin: [true, true, true],
  },
  ANONYMOUS: {
    anonymous: [true, true, false],
    owner: [true, true, true],
    otherCompany: [true, true, false],
    researcher: [true, true, false],
    broker: [true, true, false],
    admin: [true, true, true],
  },
  CONFIDENTIAL: {
    anonymous: [true, false, false], // the teaser
    owner: [true, true, true],
    otherCompany: [true, false, false],
    researcher: [true, false, false],
    broker: [true, false, false],
    admin: [true, true, true],
  },
  BROKER_ONLY: {
    anonymous: [false, false, false],
    owner: [true, true, true],
    otherCompany: [false, false, false],
    researcher: [false, false, false],
    broker: [false, false, false],
    admin: [true, true, true],
  },
};
const viewers = { anonymous: null, owner, otherCompany, researcher, broker, admin };

describe("need visibility rules", () => {
  for (const [visibility, row] of Object.entries(expected) as [Visibility, (typeof expected)[Visibility]][]) {
    for (const [name, [discover, readFull, seeOwner]] of Object.entries(row)) {
      it(`${visibility} need, viewer ${name}`, () => {
        const viewer = viewers[name as keyof typeof viewers];
        expect([
          can(viewer, "need.discover", need(visibility)),
          can(viewer, "need.readFull", need(visibility)),
          can(viewer, "need.seeOwner", need(visibility)),
        ]).toEqual([discover, readFull, seeOwner]);
      });
    }
  }

  it("hides drafts from everyone but the owner organisation, admins and the draft's own broker", () => {
    expect(can(null, "need.discover", need("PUBLIC", "DRAFT"))).toBe(false);
    expect(can(null, "need.discover", need("PUBLIC", "SUBMITTED"))).toBe(false);
    expect(can(null, "need.discover", need("CONFIDENTIAL", "CLOSED"))).toBe(false);
    expect(can(researcher, "need.discover", need("PUBLIC", "DRAFT"))).toBe(false);
    expect(can(owner, "need.discover", need("PUBLIC", "DRAFT"))).toBe(true);
    expect(can(broker, "need.discover", need("PUBLIC", "DRAFT"))).toBe(false);
    expect(can(broker, "need.discover", { ...need("BROKER_ONLY", "DRAFT"), brokerId: broker.id })).toBe(true);
    expect(can(admin, "need.discover", need("PUBLIC", "DRAFT"))).toBe(true);
  });
});

// Issue 11: a broker reads in full and sees the owner only when acting for the owner.
describe("least privilege for brokers", () => {
  const withPortfolio: Actor = { ...broker, brokerPortfolio: { regions: ["深圳"], chainIds: ["ic"] } };
  const facts = (v: Visibility, over: Partial<NeedFacts> = {}) => ({ ...need(v), region: "北京", chainId: "sensor", ...over });
  const read = (a: Actor, n: NeedFacts) => [can(a, "need.discover", n), can(a, "need.readFull", n), can(a, "need.seeOwner", n)];
  it.each([
    ["assigned to them", broker, facts("CONFIDENTIAL", { brokerId: broker.id }), [true, true, true]],
    ["assigned to another broker", broker, facts("CONFIDENTIAL", { brokerId: "u-other" }), [true, false, false]],
    ["the owner asked for help", broker, facts("CONFIDENTIAL", { brokerHelpRequested: true }), [true, true, true]],
    ["help asked on a draft (not yet handed in)", broker, facts("CONFIDENTIAL", { brokerHelpRequested: true, status: "DRAFT" }), [false, false, false]],
    ["ANONYMOUS, help asked", broker, facts("ANONYMOUS", { brokerHelpRequested: true }), [true, true, true]],
    ["BROKER_ONLY in the portfolio's region", withPortfolio, facts("BROKER_ONLY", { region: "深圳" }), [true, true, true]],
    ["BROKER_ONLY in the portfolio's chain", withPortfolio, facts("BROKER_ONLY", { chainId: "ic" }), [true, true, true]],
    ["BROKER_ONLY outside the portfolio", withPortfolio, facts("BROKER_ONLY"), [false, false, false]],
    ["CONFIDENTIAL in the portfolio (portfolio opens BROKER_ONLY only)", withPortfolio, facts("CONFIDENTIAL", { region: "深圳" }), [true, false, false]],
  ] as const)("%s", (_name, a, n, want) => {
    expect(read(a, n)).toEqual(want);
  });

  it("claim only unassigned needs that are PUBLIC, asked for help or in the portfolio; hand over only as the assigned broker or an admin", () => {
    expect(can(broker, "broker.claim", facts("CONFIDENTIAL"))).toBe(false);
    expect(can(broker, "broker.claim", facts("PUBLIC"))).toBe(true);
    expect(can(broker, "broker.claim", facts("CONFIDENTIAL", { brokerHelpRequested: true }))).toBe(true);
    expect(can(withPortfolio, "broker.claim", facts("CONFIDENTIAL", { region: "深圳" }))).toBe(true);
    expect(can(broker, "broker.claim", facts("PUBLIC", { brokerId: "u-other" }))).toBe(false);
    expect(can(admin, "broker.claim", facts("PUBLIC"))).toBe(false);
    expect([broker, admin, owner].map((a) => can(a, "broker.handOver", facts("CONFIDENTIAL", { brokerId: broker.id })))).toEqual([true, true, false]);
    expect(can(broker, "broker.handOver", facts("CONFIDENTIAL", { brokerId: "u-other" }))).toBe(false);
  });

  it("only the owning company answers a broker's clarification request (not the broker who asked, not an admin)", () => {
    const assigned = { ...need("CONFIDENTIAL"), brokerId: broker.id };
    expect([null, owner, otherCompany, researcher, broker, admin].map((a) => can(a, "need.answerClarification", assigned))).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    // A researcher of the owner's organisation id is no company member.
    expect(can(actor("RESEARCHER", "org-owner"), "need.answerClarification", need("PUBLIC"))).toBe(false);
  });

  it("only the owning company asks for a broker's help", () => {
    expect([owner, otherCompany, researcher, broker, admin].map((a) => can(a, "need.askBrokerHelp", need("CONFIDENTIAL")))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("action rules", () => {
  it("lets only company members post needs and researchers or brokers list results", () => {
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "need.create"))).toEqual([true, false, false, false, false]);
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "result.create"))).toEqual([false, true, true, false, false]);
  });
  it("lets only the owning company edit a need", () => {
    expect(can(owner, "need.update", need("PUBLIC"))).toBe(true);
    expect(can(otherCompany, "need.update", need("PUBLIC"))).toBe(false);
    expect(can(broker, "need.update", need("PUBLIC"))).toBe(false);
  });
  it("lets only the owning company move a need through its lifecycle or attach files", () => {
    for (const action of ["need.transition", "need.attach"] as const) {
      expect([owner, otherCompany, researcher, broker, admin, null].map((a) => can(a, action, need("PUBLIC", "DRAFT")))).toEqual([
        true,
        false,
        false,
        false,
        false,
        false,
      ]);
    }
  });
  it("lets a broker edit only their own drafts written for a company", () => {
    const draft = { ...need("PUBLIC", "DRAFT"), brokerId: broker.id };
    expect(can(broker, "need.editAsBroker", draft)).toBe(true);
    expect(can(broker, "need.editAsBroker", { ...draft, status: "PUBLISHED" })).toBe(false);
    expect(can(broker, "need.editAsBroker", { ...draft, brokerId: "someone-else" })).toBe(false);
    expect(can(owner, "need.editAsBroker", { ...draft, brokerId: owner.id })).toBe(false);
  });
  it("lets brokers record visits, researchers and brokers import results", () => {
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "visit.create"))).toEqual([false, false, true, false, false]);
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "result.import"))).toEqual([false, true, true, false, false]);
  });
  it("lets companies import their own needs and brokers the needs of visited companies; nobody else", () => {
    expect([owner, otherCompany, researcher, broker, admin, null].map((a) => can(a, "need.import"))).toEqual([true, true, false, true, false, false]);
    expect(can(actor("COMPANY", null), "need.import")).toBe(false);
  });
  it("denies an unknown action", () => {
    expect(can(admin, "no.such.action" as never)).toBe(false);
  });
});

describe("operations rules", () => {
  it("lets only admins see and retry dead background jobs", () => {
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "admin.jobs"))).toEqual([false, false, false, true, false]);
  });
});

describe("the public catalogue (issue 14)", () => {
  it("lets anyone browse; published results are public, drafts and withdrawn ones are not", () => {
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "catalog.browse"))).toEqual([true, true, true, true, true]);
    expect(can(null, "catalog.search")).toBe(false); // the REST API stays for token holders
    expect(can(null, "result.read", { organisationId: "org-uni", status: "PUBLISHED" })).toBe(true);
    expect(can(null, "result.read", { organisationId: "org-uni", status: "DRAFT" })).toBe(false);
    expect(can(null, "result.read", { organisationId: "org-uni", status: "WITHDRAWN" })).toBe(false);
  });
  it("never gives an anonymous visitor a need's matches, even of a PUBLIC need", () => {
    expect([null, owner, otherCompany, researcher].map((a) => can(a, "need.matches", need("PUBLIC")))).toEqual([false, true, true, true]);
    expect([null, owner, otherCompany, researcher].map((a) => can(a, "need.matches", need("CONFIDENTIAL")))).toEqual([false, true, false, false]);
  });
});

describe("matching delivered to people", () => {
  it("gives researchers the dashboard and the expertise profile, staff the candidate queue", () => {
    const all = [owner, researcher, broker, admin, null];
    expect(all.map((a) => can(a, "researcher.dashboard"))).toEqual([false, true, false, false, false]);
    expect(all.map((a) => can(a, "expertise.update"))).toEqual([false, true, false, false, false]);
    expect(all.map((a) => can(a, "broker.candidates"))).toEqual([false, false, true, true, false]);
  });
  it("lets every signed-in user read notifications, save searches and give match feedback", () => {
    for (const action of ["notification.read", "notification.settings", "savedSearch.manage", "match.feedback"] as const) {
      expect([owner, researcher, broker, admin, null].map((a) => can(a, action))).toEqual([true, true, true, true, false]);
    }
  });
});

describe("confidential access rules", () => {
  const confidential = (over: Partial<NeedFacts> = {}): NeedFacts => ({ ...need("CONFIDENTIAL"), brokerId: broker.id, ...over });
  it("a live grant (loaded with the need) lets a researcher read a CONFIDENTIAL need, never a BROKER_ONLY one", () => {
    expect(can(researcher, "need.readFull", confidential({ grantedToViewer: true }))).toBe(true);
    expect(can(researcher, "need.readFull", confidential({ grantedToViewer: false }))).toBe(false);
    expect(can(researcher, "need.readFull", { ...need("BROKER_ONLY"), grantedToViewer: true })).toBe(false);
  });
  it("reveals the company only after both sides accepted an introduction", () => {
    expect(can(researcher, "need.seeOwner", confidential({ grantedToViewer: true }))).toBe(false);
    expect(can(researcher, "need.seeOwner", confidential({ grantedToViewer: true, revealedToViewer: true }))).toBe(true);
  });
  it("lets the owner company and the assigned broker decide on access; only researchers ask", () => {
    expect([owner, otherCompany, researcher, broker, admin].map((a) => can(a, "need.manageAccess", confidential()))).toEqual([true, false, false, true, false]);
    expect(can({ ...broker, id: "another-broker" }, "need.manageAccess", confidential())).toBe(false);
    expect([owner, otherCompany, researcher, broker, admin].map((a) => can(a, "need.requestAccess", confidential()))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(can(researcher, "need.requestAccess", need("PUBLIC"))).toBe(false);
  });
  it("keeps the thread as confidential as the need", () => {
    const thread = (over: Partial<NeedFacts>) => ({ requesterId: researcher.id, need: confidential(over) });
    expect(can(researcher, "accessThread.use", thread({ grantedToViewer: true }))).toBe(true);
    expect(can(researcher, "accessThread.use", thread({ grantedToViewer: false }))).toBe(false);
    expect(can(owner, "accessThread.use", thread({}))).toBe(true);
    expect(can(admin, "accessThread.use", thread({}))).toBe(false);
  });
  it("lets only admins export the audit log", () => {
    expect([owner, researcher, broker, admin, null].map((a) => can(a, "audit.export"))).toEqual([false, false, false, true, false]);
  });
});

describe("results and analytics rules", () => {
  const ownResult = { organisationId: "org-uni", status: "PUBLISHED" };
  it("lets only the result's organisation (researchers, brokers) edit it", () => {
    const colleague = actor("RESEARCHER", "org-uni");
    const otherUni = actor("RESEARCHER", "org-other-uni");
    expect([researcher, colleague, otherUni, owner, broker, admin, null].map((a) => can(a, "result.update", ownResult))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it("shows taxonomy analytics to brokers and admins only", () => {
    expect([owner, otherCompany, researcher, broker, admin, null].map((a) => can(a, "analytics.read"))).toEqual([false, false, false, true, true, false]);
  });
});

describe("staff roles and invitations (issue 11)", () => {
  const analyst = actor("ANALYST", "org-gov");
  const orgAdmin = (role: Actor["role"], organisationId: string): Actor => ({ ...actor(role, organisationId), isOrgAdmin: true });

  it("only platform admins grant, revoke and list staff roles and verify organisations", () => {
    for (const rule of ["staff.grant", "staff.revoke", "staff.list", "org.verify"] as const) {
      expect([null, owner, researcher, broker, analyst, admin].map((a) => can(a, rule))).toEqual([false, false, false, false, false, true]);
    }
  });

  it("analysts read analytics and nothing staff-only", () => {
    expect(can(analyst, "analytics.read")).toBe(true);
    expect(can(analyst, "broker.workbench")).toBe(false);
    expect(can(analyst, "need.readFull", need("CONFIDENTIAL"))).toBe(false);
    expect(can(analyst, "need.discover", need("BROKER_ONLY"))).toBe(false);
  });

  it("the chain monitor and key project lists: analysts, brokers and admins only", () => {
    for (const rule of ["monitor.read", "monitor.keyList"] as const) {
      expect([null, owner, researcher, analyst, broker, admin].map((a) => can(a, rule))).toEqual([false, false, false, true, true, true]);
    }
  });

  it("a key project item becomes a challenge draft for a government programme: its analyst or an admin, never published by them", () => {
    const gov = { sponsorOrganisationId: "org-gov", sponsorKind: "GOVERNMENT" as const };
    const otherGov = { sponsorOrganisationId: "org-gov-2", sponsorKind: "GOVERNMENT" as const };
    const company = { sponsorOrganisationId: "org-a", sponsorKind: "COMPANY" as const };
    const none = { sponsorOrganisationId: null, sponsorKind: null };
    const who = [null, owner, researcher, analyst, broker, admin];
    expect(who.map((a) => can(a, "monitor.challengeDraft", gov))).toEqual([false, false, false, true, false, true]);
    expect(who.map((a) => can(a, "monitor.challengeDraft", otherGov))).toEqual([false, false, false, false, false, true]);
    expect(who.map((a) => can(a, "monitor.challengeDraft", company))).toEqual([false, false, false, false, false, false]);
    expect(who.map((a) => can(a, "monitor.challengeDraft", none))).toEqual([false, false, false, false, false, false]);
    // The analyst's draft stays a draft: publishing and editing are the sponsor side's.
    const draft = { organisationId: "org-gov", status: "DRAFT" as const, visibility: "PUBLIC" as const, draftedByBrokerId: null, blindReview: false };
    expect(can(analyst, "challenge.manage", draft)).toBe(false);
    expect(can(analyst, "challenge.edit", draft)).toBe(false);
    expect(can(admin, "challenge.manage", draft)).toBe(true);
  });

  it("an invitation creates only a member role that fits the kind, into the inviter's own organisation", () => {
    const companyAdmin = orgAdmin("COMPANY", "org-a");
    const invite = (a: Actor | null, organisationKind: "COMPANY" | "UNIVERSITY" | "TTO" | "GOVERNMENT", role: Actor["role"], organisationId = "org-a") =>
      can(a, "org.inviteAs", { organisationId, organisationKind, role });
    expect(invite(companyAdmin, "COMPANY", "COMPANY")).toBe(true);
    expect(invite(companyAdmin, "COMPANY", "BROKER")).toBe(false);
    expect(invite(companyAdmin, "COMPANY", "ADMIN")).toBe(false);
    expect(invite(companyAdmin, "COMPANY", "COMPANY", "org-b")).toBe(false);
    expect(invite({ ...companyAdmin, isOrgAdmin: false }, "COMPANY", "COMPANY")).toBe(false);
    expect(invite(orgAdmin("RESEARCHER", "org-a"), "TTO", "RESEARCHER")).toBe(true);
    expect(invite(orgAdmin("RESEARCHER", "org-a"), "TTO", "BROKER")).toBe(false);
    expect(invite(orgAdmin("ADMIN", "org-a"), "GOVERNMENT", "ANALYST")).toBe(false);
    expect(invite(null, "COMPANY", "COMPANY")).toBe(false);
  });
});

describe("challenges: questions to applicants, application files, matches (issue 15)", () => {
  const sponsor = actor("COMPANY", "org-sponsor");
  const expert = { ...actor("RESEARCHER", "org-uni"), id: "u-expert" };
  const applicant = { ...actor("RESEARCHER", "org-lab"), id: "u-applicant" };
  const teammate = { ...actor("RESEARCHER", "org-other-lab"), id: "u-team" };
  const drafter = { ...actor("BROKER", "org-tto"), id: "u-drafter" };
  const challenge = (over: Partial<ChallengeFacts> = {}): ChallengeFacts => ({
    organisationId: "org-sponsor",
    status: "REVIEW",
    visibility: "PUBLIC",
    draftedByBrokerId: "u-drafter",
    blindReview: true,
    ...over,
  });
  const app = (viewer: Actor | null, over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
    challenge: challenge({ viewerOnPanel: viewer?.id === "u-expert" }),
    applicantId: "u-applicant",
    viewerInTeam: viewer?.id === "u-team",
    ...over,
  });
  const viewers = [null, sponsor, expert, applicant, teammate, researcher, broker, admin] as const;
  const row = (rule: "application.ask" | "application.answer" | "application.attach", over: Partial<ApplicationFacts> = {}) =>
    viewers.map((v) => can(v, rule, app(v, over)));

  it("the sponsor side and an unconflicted expert ask; a conflicted expert does not", () => {
    //                                    anon   sponsor expert applicant team   other  broker admin
    expect(row("application.ask")).toEqual([false, true, true, false, false, false, false, true]);
    expect(can(expert, "application.ask", { ...app(expert), viewerConflicted: true })).toBe(false);
  });

  it("the applicant and the team answer and add files; nobody else", () => {
    expect(row("application.answer")).toEqual([false, false, false, true, true, false, false, false]);
    expect(row("application.attach")).toEqual([false, false, false, true, true, false, false, false]);
  });

  it("matches: the sponsor side, the drafting broker and staff; never solvers or visitors", () => {
    const c = challenge({ status: "OPEN" });
    expect([null, sponsor, expert, applicant, researcher, broker, drafter, admin].map((v) => can(v, "challenge.seeMatches", c))).toEqual([
      false,
      true,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe("shared instruments (issue 17)", () => {
  const uniAdmin: Actor = { ...actor("RESEARCHER", "org-uni"), id: "u-uni-admin", isOrgAdmin: true };
  const manager: Actor = { ...actor("RESEARCHER", "org-uni"), id: "u-manager" };
  const uniMember: Actor = { ...actor("RESEARCHER", "org-uni"), id: "u-uni-member" };
  const booker: Actor = { ...actor("COMPANY", "org-co"), id: "u-booker" };
  const bookerColleague: Actor = { ...actor("COMPANY", "org-co"), id: "u-colleague" };
  const bookerOrgAdmin: Actor = { ...actor("COMPANY", "org-co"), id: "u-co-admin", isOrgAdmin: true };
  const otherCompanyAdmin: Actor = { ...actor("COMPANY", "org-other"), id: "u-other-admin", isOrgAdmin: true };
  const adminOfUni: Actor = { ...actor("ADMIN", "org-uni"), id: "u-platform-admin-in-uni", isOrgAdmin: true };
  const analyst = actor("ANALYST", "org-gov");
  const instrument = { organisationId: "org-uni", managerId: "u-manager", status: "ACTIVE" as const };
  const booking = { bookerId: "u-booker", organisationId: "org-co", instrument };
  const viewers = [null, manager, uniAdmin, uniMember, booker, bookerColleague, bookerOrgAdmin, otherCompanyAdmin, broker, admin, adminOfUni, analyst];
  // anonymous manager uniAdmin uniMember booker colleague bookerOrgAdmin otherCompanyAdmin broker admin adminInUni analyst
  const row = (rule: Parameters<typeof can>[1], facts?: unknown) =>
    viewers.map((v) => (can as (a: unknown, r: unknown, f?: unknown) => boolean)(v, rule, facts));

  it("the test report: the booker's side and the instrument's managers, nobody else (staff included)", () => {
    expect(row("booking.report", booking)).toEqual([false, true, true, false, true, false, true, false, false, false, false, false]);
    expect(row("booking.attachReport", booking)).toEqual([false, true, true, false, false, false, false, false, false, false, false, false]);
    // A booking without an organisation: the booker alone on that side.
    expect(can(bookerOrgAdmin, "booking.report", { ...booking, organisationId: null })).toBe(false);
  });

  it("photos: the instrument's managers; partners: the institution's admins (members of it, not platform staff)", () => {
    expect(row("instrument.photo", instrument)).toEqual([false, true, true, false, false, false, false, false, false, false, false, false]);
    expect(row("instrument.partners", { organisationId: "org-uni" })).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("bookings are read by the booker, the managers and platform admins; managed by the managers only", () => {
    // The booker's side reads it: the booker and the admins of the organisation they booked for.
    expect(row("booking.read", booking)).toEqual([false, true, true, false, true, false, true, false, false, true, true, false]);
    expect(row("booking.manage", booking)).toEqual([false, true, true, false, false, false, false, false, false, false, false, false]);
    expect(row("booking.respond", booking)).toEqual([false, false, false, false, true, false, false, false, false, false, false, false]);
    expect(row("booking.cancel", booking)).toEqual([false, true, true, false, true, false, false, false, false, false, false, false]);
  });

  it("the catalogue is public; a retired instrument only for its institution and platform admins; staff do not book", () => {
    expect(row("instrument.read", instrument).every(Boolean)).toBe(true);
    expect(row("instrument.read", { ...instrument, status: "RETIRED" })).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(row("instrument.book", instrument)).toEqual([false, true, true, true, true, true, true, true, false, false, false, false]);
    expect(row("instrument.metrics", instrument)).toEqual([false, true, true, true, false, false, false, false, true, true, true, true]);
    expect(row("instrument.institutionMetrics")).toEqual([false, false, false, false, false, false, false, false, true, true, true, true]);
  });
});
