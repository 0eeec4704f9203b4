// Issue 4, tests 2 and 4: a confidentiality canary and "one audit row per confidential view".
// Unique strings are planted in every confidential field of a CONFIDENTIAL need, in its messages
// and in an attachment name. As each unauthorised role we fetch every API response, every page
// service, every search variant, every email the mail sink caught and the audit export: the canary
// never appears. A grant makes it appear; a revocation removes it on the very next request.
// (Rendered pages and their RSC payloads are fetched over HTTP in e2e/confidential-need.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accessRequestsRoute from "@/app/api/v1/needs/[id]/access-requests/route";
import * as auditRoute from "@/app/api/v1/needs/[id]/audit/route";
import * as matchesRoute from "@/app/api/v1/needs/[id]/matches/route";
import * as ndaRoute from "@/app/api/v1/needs/[id]/nda/route";
import * as needRoute from "@/app/api/v1/needs/[id]/route";
import * as needsRoute from "@/app/api/v1/needs/route";
import * as messagesRoute from "@/app/api/v1/access-requests/[id]/messages/route";
import * as revokeRoute from "@/app/api/v1/access-requests/[id]/revoke/route";
import * as auditLogRoute from "@/app/api/v1/audit-log/route";
import * as searchRoute from "@/app/api/v1/search/route";
import { apiRequest, noParams, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { getNeed } from "@/lib/needs/get-need";
import { listNeeds } from "@/lib/needs/list-needs";
import { viewNeed } from "@/lib/needs/view-need";
import { updateNeed } from "@/lib/needs/update-need";
import { getMeili, indexUid } from "@/lib/search/client";
import { searchCatalog } from "@/lib/search/search";
import { getAccessThread, postAccessMessage } from "./access-thread";
import { auditCount, createCast, createNeedFixture, runJobs, type Cast, type NeedFixture } from "@/tests/kits/access-test-kit";
import { getCurrentNda } from "./get-nda";
import { getAccessState } from "./list-access-requests";
import { needSubject } from "./record-audit";
import { createApiUser } from "@/tests/kits/api-test-kit";
import { getNeedCandidates } from "@/lib/broker/candidates";
import { getBrokerMetrics } from "@/lib/broker/metrics";
import { metricsCsv } from "@/lib/broker/metrics-compute";
import { listBrokerQueue } from "@/lib/broker/queue";
import { getTriage } from "@/lib/broker/triage";
import { getDeal } from "@/lib/deals/get-deal";
import { listMyDeals } from "@/lib/deals/list-deals";
import { listBrokerCandidates } from "@/lib/recommend/broker-candidates";
import { getHomeCatalogue, listPublicPages } from "@/lib/catalog/home-catalogue";
import { browseNeeds } from "@/lib/needs/browse-needs";
import { parseBrowseQuery } from "@/lib/browse/browse-query";
import { getContact, listContacts } from "@/lib/contacts/contact-thread";
import { sendContact } from "@/lib/contacts/send-contact";
import { decideContact } from "@/lib/contacts/decide-contact";
import * as challengeApiRoute from "@/app/api/v1/challenges/[id]/route";
import * as challengesApiRoute from "@/app/api/v1/challenges/route";
import * as challengeApplicationRoute from "@/app/api/v1/challenge-applications/[id]/route";
import { applyToChallenge, listMyApplications, shortlistApplication } from "@/lib/challenges/applications";
import { answerQuestion, askQuestion } from "@/lib/challenges/questions";
import { getAttachment } from "@/lib/attachments/attachments";
import { PNG_1X1 } from "@/tests/kits/file-bytes";
import { addPanelMember, createChallenge, moveChallenge } from "@/lib/challenges/manage-challenge";
import { acceptChallengeNda } from "@/lib/challenges/nda";
import { getApplicationView, getChallengeView, listChallenges } from "@/lib/challenges/queries";
import { declareConflict, getReviewBoard } from "@/lib/challenges/review";
import { applySchema, challengeInputSchema } from "@/lib/challenges/schemas";
import { challengeIndexUid, searchChallengeIds } from "@/lib/challenges/search-index";

const tag = Math.random().toString(36).slice(2, 8);
const CANARY = {
  description: `canary${tag}desc`,
  keyword: `canary${tag}kw`,
  region: `canary${tag}region`,
  triedSoFar: `canary${tag}tried`,
  desiredOutcome: `canary${tag}outcome`,
  acceptanceCriteria: `canary${tag}criteria`,
  constraints: `canary${tag}constraints`,
  attachment: `canary${tag}file.pdf`,
  researcherMessage: `canary${tag}msgr`,
  ownerMessage: `canary${tag}msgo`,
};
const canaries = Object.values(CANARY);
const leaked = (text: string) => canaries.filter((c) => text.includes(c));

let cast: Cast;
let need: NeedFixture;
let contactId = "";
const UNAUTHORISED = ["anonymous", "otherCompany", "researcher", "revoked"] as const;
const userOf = (role: (typeof UNAUTHORISED)[number]): ApiUser | null => (role === "anonymous" ? null : cast[role]);

async function body(res: Response | Promise<Response>): Promise<string> {
  const r = await res;
  return `${r.status} ${await r.text()}`;
}

// Every search variant: empty query, the canaries themselves, facets/filters, sort, paging and
// injection attempts in the query and in filter values.
function searchVariants(): string[] {
  const inj = encodeURIComponent('x" OR visibility = "PUBLIC');
  return [
    "",
    ...canaries.map((c) => `q=${encodeURIComponent(c)}`),
    `q=${encodeURIComponent("正极材料")}`,
    "field=%E6%96%B0%E8%83%BD%E6%BA%90",
    `region=${CANARY.region}`,
    "trlMin=1&trlMax=9",
    "collaborationModes=CO_DEVELOPMENT,LICENCE",
    "lang=zh",
    "sort=newest",
    "page=2&limit=1",
    `q=${inj}`,
    `field=${inj}`,
    `region=${inj}`,
    `chainId=${inj}`,
    `q=${CANARY.description}&field=${inj}&sort=newest`,
  ].map((qs) => `/search?type=needs&limit=50${qs ? `&${qs}` : ""}`);
}

async function everythingAs(user: ApiUser | null): Promise<string[]> {
  const t = { token: user?.token ?? null };
  const id = need.id;
  const out: string[] = [
    await body(needsRoute.GET(apiRequest("/needs?pageSize=100", t), noParams)),
    await body(needRoute.GET(apiRequest(`/needs/${id}`, t), routeParams({ id }))),
    await body(matchesRoute.GET(apiRequest(`/needs/${id}/matches`, t), routeParams({ id }))),
    await body(ndaRoute.GET(apiRequest(`/needs/${id}/nda`, t), routeParams({ id }))),
    await body(accessRequestsRoute.GET(apiRequest(`/needs/${id}/access-requests`, t), routeParams({ id }))),
    await body(auditRoute.GET(apiRequest(`/needs/${id}/audit`, t), routeParams({ id }))),
    await body(auditLogRoute.GET(apiRequest("/audit-log", t), noParams)),
  ];
  for (const rid of [need.grantedRequestId, need.revokedRequestId, need.pendingRequestId]) {
    out.push(await body(messagesRoute.GET(apiRequest(`/access-requests/${rid}/messages`, t), routeParams({ id: rid }))));
  }
  for (const path of searchVariants()) out.push(await body(searchRoute.GET(apiRequest(path, t), noParams)));
  // The services the pages call.
  const actor = user?.actor ?? null;
  const settle = async (p: Promise<unknown>) => JSON.stringify(await p.catch((e: unknown) => ({ error: String(e) })));
  out.push(await settle(viewNeed(actor, id, { ip: null, via: "page" })));
  out.push(await settle(getNeed(actor, id)));
  out.push(await settle(listNeeds(actor, { pageSize: 100 })));
  out.push(await settle(getAccessState(actor, id)));
  out.push(await settle(getCurrentNda(actor, id)));
  if (actor) out.push(await settle(getAccessThread(actor, need.grantedRequestId)));
  out.push(await settle(searchCatalog({ q: "", type: "needs", viewer: actor, limit: 50 })));
  // The public catalogue (issue 14): the home page, /needs with facets over hidden fields, the
  // sitemap, and the contact requests (the researcher's "I can help" on the need, accepted).
  out.push(await settle(getHomeCatalogue(actor, { newest: 100 })));
  out.push(await settle(browseNeeds(actor, parseBrowseQuery({}), 100)));
  out.push(await settle(browseNeeds(actor, parseBrowseQuery({ region: CANARY.region, sort: "budget" }), 100)));
  out.push(await settle(listPublicPages()));
  if (actor) out.push(await settle(listContacts(actor)));
  if (actor) out.push(await settle(getContact(actor, contactId)));
  return out;
}

async function sinkText(): Promise<string> {
  const res = await fetch(new URL("/messages", process.env.MAIL_SINK_URL));
  return res.text();
}

beforeAll(async () => {
  cast = await createCast();
  need = await createNeedFixture(cast, "CONFIDENTIAL", {
    description: `我们的正极材料采用 ${CANARY.description} 工艺，需要将循环寿命提高一倍，同时降低钴含量。`,
    keywords: ["正极材料", CANARY.keyword],
    region: CANARY.region,
    trlTarget: 6,
    collaborationModes: ["CO_DEVELOPMENT"],
  });
  await prisma.need.update({
    where: { id: need.id },
    data: {
      triedSoFar: CANARY.triedSoFar,
      desiredOutcome: CANARY.desiredOutcome,
      acceptanceCriteria: CANARY.acceptanceCriteria,
      constraints: CANARY.constraints,
    },
  });
  await prisma.attachment.create({
    data: {
      needId: need.id,
      fileName: CANARY.attachment,
      contentType: "application/pdf",
      sizeBytes: 4,
      sha256: "0".repeat(64),
      data: Buffer.from("%PDF"),
      uploadedById: cast.owner.actor.id,
    },
  });
  await postAccessMessage(cast.granted.actor, need.grantedRequestId, { body: `问题：${CANARY.researcherMessage}` });
  await postAccessMessage(cast.owner.actor, need.grantedRequestId, { body: `回复：${CANARY.ownerMessage}` });
  await postAccessMessage(cast.owner.actor, need.pendingRequestId, { body: `回复：${CANARY.ownerMessage}` });
  // "I can help" from the researcher without a grant, accepted by the owner, with a message each way.
  contactId = (await sendContact(cast.researcher.actor, { target: "need", targetId: need.id, message: "我们做过正极材料包覆改性，可以合作。" }, { ip: null }))
    .id;
  await decideContact(cast.owner.actor, { contactId, decision: "ACCEPT" });
  await runJobs(); // index the need, send every notification email
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

describe("confidentiality canary", () => {
  it("an anonymous visitor sees the confidential need as its teaser on the public surfaces", async () => {
    const view = await viewNeed(null, need.id, { ip: null, via: "page" });
    expect(view).toMatchObject({ access: "teaser", organisation: null, description: null });
    const home = await getHomeCatalogue(null, { newest: 100 });
    expect(home.newestNeeds.find((n) => n.id === need.id)).toMatchObject({ access: "teaser", organisation: null });
    expect((await listPublicPages()).needs.map((n) => n.id)).toContain(need.id);
    // The contact thread shows the researcher no company name (CONFIDENTIAL, no reveal).
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: cast.owner.organisationId } });
    expect(JSON.stringify(await getContact(cast.researcher.actor, contactId))).not.toContain(org.name);
  });

  it("never reaches an unauthorised role: API, page services, search variants", async () => {
    for (const role of UNAUTHORISED) {
      const responses = await everythingAs(userOf(role));
      const hits = responses.flatMap((r) => leaked(r).map((c) => `${role}: ${c} in ${r.slice(0, 160)}`));
      expect(hits).toEqual([]);
    }
  });

  it("is in no search index document of the public index, and search by it finds nothing", async () => {
    const doc = await getMeili().index(indexUid("needs")).getDocument(need.id);
    expect(leaked(JSON.stringify(doc))).toEqual([]);
  });

  it("never appears in an email, a notification or the audit export", async () => {
    await runJobs();
    const mails = await sinkText();
    expect(mails).toContain("访问"); // the access notifications were sent
    expect(leaked(mails)).toEqual([]);
    const notifications = await prisma.notification.findMany({ where: { OR: [{ kind: { startsWith: "access." } }, { kind: { startsWith: "contact." } }] } });
    expect(notifications.filter((n) => n.kind.startsWith("contact.")).length).toBeGreaterThanOrEqual(2); // received + accepted
    expect(notifications.length).toBeGreaterThan(0);
    expect(leaked(JSON.stringify(notifications))).toEqual([]);
    const csv = await body(auditLogRoute.GET(apiRequest("/audit-log", { token: cast.admin.token }), noParams));
    expect(csv).toMatch(/^200 /);
    expect(csv).toContain(needSubject(need.id));
    expect(leaked(csv)).toEqual([]);
  });

  it("appears with a grant, and is gone on the very next request after revocation", async () => {
    const t = { token: cast.granted.token };
    const read = () => body(needRoute.GET(apiRequest(`/needs/${need.id}`, t), routeParams({ id: need.id })));
    const thread = () =>
      body(messagesRoute.GET(apiRequest(`/access-requests/${need.grantedRequestId}/messages`, t), routeParams({ id: need.grantedRequestId })));
    expect(await read()).toContain(CANARY.description);
    expect(await read()).toContain(CANARY.keyword);
    expect(await read()).toContain(CANARY.region);
    expect(await thread()).toContain(CANARY.ownerMessage);
    // Company identity stays masked in the thread until an introduction is accepted by both.
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: cast.owner.organisationId } });
    expect(await thread()).not.toContain(org.name);

    const revoked = await revokeRoute.POST(
      apiRequest(`/access-requests/${need.grantedRequestId}/revoke`, { token: cast.owner.token, body: { reasonCode: "PROJECT_CLOSED" } }),
      routeParams({ id: need.grantedRequestId }),
    );
    expect(revoked.status).toBe(200);
    const after = await read();
    expect(after).toMatch(/^200 /);
    expect(leaked(after)).toEqual([]);
    expect(await thread()).toMatch(/^404 /);
  });

  it("an expired grant stops working on the next request", async () => {
    const t = { token: cast.spare.token };
    const read = () => body(needRoute.GET(apiRequest(`/needs/${need.id}`, t), routeParams({ id: need.id })));
    expect(await read()).toContain(CANARY.description);
    await prisma.accessRequest.update({ where: { id: need.spareRequestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(leaked(await read())).toEqual([]);
  });

  it("the company is revealed only after both sides accept an introduction", async () => {
    const fixture = await createNeedFixture(cast, "CONFIDENTIAL");
    const org = await prisma.organisation.findUniqueOrThrow({ where: { id: cast.owner.organisationId } });
    const read = () => body(needRoute.GET(apiRequest(`/needs/${fixture.id}`, { token: cast.granted.token }), routeParams({ id: fixture.id })));
    expect(await read()).not.toContain(org.name);
    const intro = await prisma.introduction.create({ data: { needId: fixture.id, researcherId: cast.granted.actor.id, companyAcceptedAt: new Date() } });
    expect(await read()).not.toContain(org.name);
    await prisma.introduction.update({ where: { id: intro.id }, data: { researcherAcceptedAt: new Date() } });
    expect(await read()).toContain(org.name);
  });

  it("tightening a PUBLIC need to CONFIDENTIAL takes effect at once, search index included", async () => {
    const secret = `canary${tag}tighten`;
    const fixture = await createNeedFixture(cast, "PUBLIC", { description: `公开阶段的描述包含 ${secret} 这个词，之后改为保密。` });
    await runJobs();
    const search = () => body(searchRoute.GET(apiRequest(`/search?type=needs&q=${secret}`, { token: cast.researcher.token }), noParams));
    expect(await search()).toContain(fixture.id);
    await updateNeed(cast.owner.actor, fixture.id, { visibility: "CONFIDENTIAL", teaser: "电池材料合作" });
    // No job has run: the request path itself keeps the secret out.
    const afterSearch = await search();
    expect(afterSearch).not.toContain(fixture.id);
    expect(afterSearch).not.toContain(secret);
    const doc = await getMeili().index(indexUid("needs")).getDocument(fixture.id);
    expect(JSON.stringify(doc)).not.toContain(secret);
    expect(await body(needRoute.GET(apiRequest(`/needs/${fixture.id}`, { token: cast.researcher.token }), routeParams({ id: fixture.id })))).not.toContain(
      secret,
    );
    const change = await prisma.auditLog.findFirst({
      where: { subject: needSubject(fixture.id), action: "need.visibility" },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    expect(change?.detail).toEqual({ from: "PUBLIC", to: "CONFIDENTIAL" });
  });
});

describe("confidentiality canary: a broker not acting for the owner (issue 11)", () => {
  it("never sees the canary: page data, search hits and snippets, API, deal page, exports, chips, queue", async () => {
    const unrelated = await createApiUser("BROKER");
    const a = unrelated.actor;
    // A deal on the need, made by its own broker.
    const deal = await prisma.introduction.create({ data: { needId: need.id, researcherId: cast.granted.actor.id, brokerId: cast.broker.actor.id } });
    const settle = async (p: Promise<unknown>) => JSON.stringify(await p.catch((e: unknown) => ({ error: String(e) })));
    const responses = [
      ...(await everythingAs(unrelated)),
      await settle(getTriage(a, need.id)),
      await settle(getNeedCandidates(a, need.id)),
      await settle(getDeal(a, deal.id)),
      await settle(listMyDeals(a)),
      await settle(listBrokerQueue(a, { view: "all" })),
      await settle(listBrokerCandidates(a)),
      await settle(
        getBrokerMetrics(a).then((m) =>
          metricsCsv([
            ...m.brokers.map((x) => ({ scope: "broker" as const, metrics: x })),
            ...m.offices.map((x) => ({ scope: "office" as const, metrics: x })),
          ]),
        ),
      ),
      ...(await Promise.all(canaries.map((c) => settle(searchCatalog({ q: c, type: "needs", viewer: a, limit: 50 }))))),
    ];
    const hits = responses.flatMap((r) => leaked(r).map((c) => `${c} in ${r.slice(0, 200)}`));
    expect(hits).toEqual([]);
    // A search by the hidden words does not even find the need.
    const found = await searchCatalog({ q: CANARY.description, type: "needs", viewer: a, limit: 50 });
    expect(found.ok && found.hits.map((h) => h.id)).toEqual([]);
    // The need's own broker does read it (and the deal page shows it to them).
    expect(JSON.stringify(await getDeal(cast.broker.actor, deal.id))).toContain(CANARY.description);
  });
});

describe("audit: exactly one row per confidential view", () => {
  it("writes one need.view row per full read of a confidential need, none for teasers, lists or search", async () => {
    const fixture = await createNeedFixture(cast, "CONFIDENTIAL");
    const views = () => auditCount({ subject: needSubject(fixture.id), action: "need.view" });
    const get = (u: ApiUser) => needRoute.GET(apiRequest(`/needs/${fixture.id}`, { token: u.token, ip: "192.0.2.44" }), routeParams({ id: fixture.id }));

    const start = await views();
    for (const u of [cast.granted, cast.owner, cast.broker, cast.admin]) {
      const before = await views();
      expect((await get(u)).status).toBe(200);
      expect(await views(), u.actor.role).toBe(before + 1);
    }
    const row = await prisma.auditLog.findFirst({ where: { subject: needSubject(fixture.id), action: "need.view", actorId: cast.granted.actor.id } });
    expect(row).toMatchObject({ ip: "192.0.2.44", detail: { visibility: "CONFIDENTIAL", via: "api", grantId: fixture.grantedRequestId } });

    // The page's read (viewNeed) is one row too.
    await viewNeed(cast.granted.actor, fixture.id, { ip: null, via: "page" });
    expect(await views()).toBe(start + 5);

    // Teaser reads, lists, search, matches: no confidential detail, no row.
    await get(cast.researcher);
    await get(cast.revoked);
    await listNeeds(cast.granted.actor, { pageSize: 100 });
    await searchCatalog({ q: "", type: "needs", viewer: cast.granted.actor, limit: 50 });
    await matchesRoute.GET(apiRequest(`/needs/${fixture.id}/matches`, { token: cast.granted.token }), routeParams({ id: fixture.id }));
    expect(await views()).toBe(start + 5);

    // Grants, declines, revocations and NDA acceptances of the fixture are audited too.
    const actions = (await prisma.auditLog.findMany({ where: { subject: needSubject(fixture.id) }, select: { action: true } })).map((r) => r.action);
    for (const a of ["nda.publish", "nda.accept", "access.request", "access.grant", "access.revoke"]) expect(actions).toContain(a);
  });

  it("the audit log is append-only", async () => {
    await expect(prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.auditLog.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
  });

  it("an export is itself audited", async () => {
    const before = await auditCount({ action: "audit.export" });
    await auditLogRoute.GET(apiRequest("/audit-log", { token: cast.admin.token }), noParams);
    expect(await auditCount({ action: "audit.export" })).toBe(before + 1);
  });
});

// Issue 15: challenges. Canaries in a CONFIDENTIAL challenge's NDA-gated details (problem,
// indicators, qualifications) and in an application (approach, plan, team, decision reason):
// nobody outside the NDA sees the details, and nobody outside the applicant side, the sponsor and
// the unconflicted panel sees the application, through any page service, API route, listing,
// search index or notification. Accepting the NDA opens the details (and only them).
describe("challenge canary", () => {
  const ctag = Math.random().toString(36).slice(2, 8);
  const C = {
    problem: `chcanary${ctag}problem`,
    indicator: `chcanary${ctag}indicator`,
    qualification: `chcanary${ctag}qual`,
    approach: `chcanary${ctag}approach`,
    deliverable: `chcanary${ctag}deliv`,
    file: `chcanary${ctag}file`,
    question: `chcanary${ctag}question`,
    answer: `chcanary${ctag}answer`,
  };
  const detailCanaries = [C.problem, C.indicator, C.qualification];
  const appCanaries = [C.approach, C.deliverable, C.file];
  const qaCanaries = [C.question, C.answer];
  const found = (text: string, list: string[]) => list.filter((c) => text.includes(c));
  let users: Record<"sponsor" | "applicant" | "panel" | "conflicted" | "outsider" | "broker", ApiUser>;
  let challengeId = "";
  let applicationId = "";

  beforeAll(async () => {
    const [sponsor, applicant, panel, conflicted, outsider, broker] = await Promise.all([
      createApiUser("COMPANY"),
      createApiUser("RESEARCHER"),
      createApiUser("RESEARCHER"),
      createApiUser("RESEARCHER"),
      createApiUser("RESEARCHER"),
      createApiUser("BROKER"),
    ]);
    users = { sponsor, applicant, panel, conflicted, outsider, broker };
    const input = challengeInputSchema.parse({
      title: `保密榜单 ${ctag}`,
      teaser: "公开摘要：高镍正极包覆工艺",
      problem: `完整问题描述 ${C.problem} 需要在不改变烧结工艺的前提下降低残碱`,
      field: "新能源",
      indicators: [{ name: `残碱 ${C.indicator}`, target: "≤0.3%", verification: "第三方检测" }],
      eligibility: { orgKinds: [], regions: [], qualifications: `资质 ${C.qualification}` },
      bountyTotalCny: 1_000_000,
      milestoneSplit: [{ title: "小样", percent: 100 }],
      applicationDeadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      durationMonths: 6,
      visibility: "CONFIDENTIAL",
      criteria: [{ name: "技术", weight: 100 }],
    });
    const c = await createChallenge(sponsor.actor, input);
    challengeId = c.id;
    await moveChallenge(sponsor.actor, c.id, { to: "OPEN", version: c.version });
    await addPanelMember(sponsor.actor, c.id, panel.actor.email);
    await addPanelMember(sponsor.actor, c.id, conflicted.actor.email);
    await acceptChallengeNda(applicant.actor, c.id, null);
    const app = await applyToChallenge(
      applicant.actor,
      c.id,
      applySchema.parse({
        approach: `技术方案 ${C.approach} 采用原子层沉积包覆`,
        planMilestones: [
          { title: "小样", deliverables: `交付 ${C.deliverable}`, dueAt: new Date(Date.now() + 90 * 86_400_000).toISOString(), amountCny: 1_000_000 },
        ],
        budgetCny: 1_000_000,
      }),
      new Date(),
      [{ name: `${C.file}.png`, bytes: PNG_1X1 }],
    );
    applicationId = app.id;
    await declareConflict(conflicted.actor, app.id, "同一课题组");
    await runJobs(["index-challenge"]);
  }, 120_000);

  it("keeps the details behind the NDA and the application inside its circle, everywhere", async () => {
    const leaks: string[] = [];
    const check = (where: string, value: unknown, list: string[]) => {
      const hit = found(JSON.stringify(value ?? null), list);
      if (hit.length) leaks.push(`${where}: ${hit.join(",")}`);
    };
    const swallow = async (run: () => Promise<unknown>) => run().catch((e: unknown) => ({ error: String((e as Error).message) }));
    for (const role of ["anonymous", "outsider", "broker"] as const) {
      const u = role === "anonymous" ? null : users[role];
      const actor = u?.actor ?? null;
      check(`${role} getChallengeView`, await swallow(() => getChallengeView(actor, challengeId)), [...detailCanaries, ...appCanaries]);
      check(`${role} listChallenges`, await swallow(() => listChallenges(actor, {})), [...detailCanaries, ...appCanaries]);
      check(`${role} getApplicationView`, await swallow(() => getApplicationView(actor, applicationId)), appCanaries);
      const api = await challengeApiRoute.GET(apiRequest(`/challenges/${challengeId}`, { token: u?.token ?? null }), routeParams({ id: challengeId }));
      check(`${role} GET /challenges/{id}`, await api.text(), [...detailCanaries, ...appCanaries]);
      const list = await challengesApiRoute.GET(apiRequest(`/challenges`, { token: u?.token ?? null }), noParams);
      check(`${role} GET /challenges`, await list.text(), [...detailCanaries, ...appCanaries]);
      const app = await challengeApplicationRoute.GET(
        apiRequest(`/challenge-applications/${applicationId}`, { token: u?.token ?? null }),
        routeParams({ id: applicationId }),
      );
      check(`${role} GET /challenge-applications/{id}`, await app.text(), appCanaries);
      if (actor) check(`${role} listMyApplications`, await listMyApplications(actor), appCanaries);
    }
    // The conflicted expert sees neither the application nor its content on the review page.
    check("conflicted getReviewBoard", await getReviewBoard(users.conflicted.actor, challengeId), appCanaries);
    check("conflicted getApplicationView", await swallow(() => getApplicationView(users.conflicted.actor, applicationId)), appCanaries);
    // The search index holds no confidential text.
    const docs = await getMeili().index(challengeIndexUid()).getDocuments({ limit: 1000 });
    check("challenge index", docs.results, [...detailCanaries, ...appCanaries]);
    for (const c of [...detailCanaries, ...appCanaries]) expect(await searchChallengeIds(c)).toEqual([]);
    // No notification (in-app or mailed) carries any of it.
    check("notifications", await prisma.notification.findMany({ select: { title: true, body: true } }), [...detailCanaries, ...appCanaries]);
    expect(leaks).toEqual([]);

    // Positive controls: the circle sees it; the NDA opens the details (not the application).
    expect(found(JSON.stringify(await getApplicationView(users.panel.actor, applicationId)), appCanaries)).toEqual(appCanaries);
    expect(found(JSON.stringify(await getChallengeView(users.sponsor.actor, challengeId)), detailCanaries)).toEqual(detailCanaries);
    await acceptChallengeNda(users.outsider.actor, challengeId, null);
    expect(found(JSON.stringify(await getChallengeView(users.outsider.actor, challengeId)), detailCanaries)).toEqual(detailCanaries);
    await expect(getApplicationView(users.outsider.actor, applicationId)).rejects.toMatchObject({ status: 404 });
  }, 120_000);

  it("keeps questions to the applicant, their answers and the application's files inside the circle", async () => {
    const c = await prisma.challenge.findUniqueOrThrow({ where: { id: challengeId }, select: { version: true } });
    await moveChallenge(users.sponsor.actor, challengeId, { to: "REVIEW", version: c.version });
    const app = await prisma.challengeApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
    await shortlistApplication(users.sponsor.actor, applicationId, app.version, true);
    const q = await askQuestion(users.panel.actor, applicationId, `问题 ${C.question} 中试线在哪里？`);
    await answerQuestion(users.applicant.actor, q.id, `回答 ${C.answer} 在东莞`);
    const file = await prisma.attachment.findFirstOrThrow({ where: { challengeApplicationId: applicationId }, select: { id: true } });
    const leaks: string[] = [];
    const check = (where: string, value: unknown, list: string[]) => {
      const hit = found(JSON.stringify(value ?? null), list);
      if (hit.length) leaks.push(`${where}: ${hit.join(",")}`);
    };
    const swallow = async (run: () => Promise<unknown>) => run().catch((e: unknown) => ({ error: String((e as Error).message) }));
    const secret = [...qaCanaries, C.file];
    for (const role of ["anonymous", "outsider", "broker", "conflicted"] as const) {
      const u = role === "anonymous" ? null : users[role];
      const actor = u?.actor ?? null;
      check(`${role} getChallengeView`, await swallow(() => getChallengeView(actor, challengeId)), secret);
      check(`${role} getApplicationView`, await swallow(() => getApplicationView(actor, applicationId)), secret);
      if (actor) check(`${role} getAttachment`, await swallow(() => getAttachment(actor, file.id, { ip: null })), secret);
      const api = await challengeApplicationRoute.GET(
        apiRequest(`/challenge-applications/${applicationId}`, { token: u?.token ?? null }),
        routeParams({ id: applicationId }),
      );
      check(`${role} GET /challenge-applications/{id}`, await api.text(), secret);
    }
    check("conflicted getReviewBoard", await getReviewBoard(users.conflicted.actor, challengeId), secret);
    check("notifications", await prisma.notification.findMany({ select: { title: true, body: true, params: true } }), secret);
    check("audit log", await prisma.auditLog.findMany({ select: { detail: true } }), secret);
    expect(leaks).toEqual([]);
    // Positive controls: the sponsor, the unconflicted expert and the applicant read both.
    for (const who of [users.sponsor, users.panel, users.applicant]) {
      expect(found(JSON.stringify(await getApplicationView(who.actor, applicationId)), qaCanaries)).toEqual(qaCanaries);
    }
    expect((await getAttachment(users.panel.actor, file.id, { ip: null })).fileName).toBe(`${C.file}.png`);
  }, 120_000);
});
