// Issue 11: taking over a need needs its broker's hand-over or an admin; "assign to me" works only
// on unassigned needs, and of two concurrent claims exactly one wins. Every full read by someone
// outside the owner organisation is in the need's audit log, on every surface.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as needRoute from "@/app/api/v1/needs/[id]/route";
import { apiRequest, createApiUser, routeParams, type ApiUser } from "@/tests/kits/api-test-kit";
import { needSubject } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { getDeal } from "@/lib/deals/get-deal";
import { listMyDeals } from "@/lib/deals/list-deals";
import { isAppError } from "@/lib/errors";
import { listBrokerQueue } from "./queue";
import { viewNeed } from "@/lib/needs/view-need";
import { claimNeed, getTriage, handOverNeed, markNeedReady } from "./triage";

let owner: ApiUser, broker: ApiUser, rival: ApiUser, admin: ApiUser;
const tag = Math.random().toString(36).slice(2, 8);

const makeNeed = (over: Record<string, unknown> = {}) =>
  prisma.need.create({
    data: {
      title: `交接测试 ${tag}`,
      teaser: "电池材料合作",
      description: `保密全文 秘密${tag}`,
      field: "新能源",
      visibility: "CONFIDENTIAL",
      status: "PUBLISHED",
      organisationId: owner.organisationId,
      createdById: owner.actor.id,
      ...over,
    },
  });
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );
const views = (needId: string, actorId?: string) =>
  prisma.auditLog.count({ where: { subject: needSubject(needId), action: "need.view", ...(actorId ? { actorId } : {}) } });

beforeAll(async () => {
  [owner, broker, rival, admin] = [await createApiUser("COMPANY"), await createApiUser("BROKER"), await createApiUser("BROKER"), await createApiUser("ADMIN")];
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("assign to me", () => {
  it("two concurrent claims of one unassigned need: exactly one wins, the other is a 409", async () => {
    for (let round = 0; round < 5; round++) {
      const need = await makeNeed({ brokerHelpAt: new Date() });
      const outcomes = await Promise.all([code(claimNeed(broker.actor, need.id)), code(claimNeed(rival.actor, need.id))]);
      expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
      const { brokerId } = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      expect([broker.actor.id, rival.actor.id]).toContain(brokerId);
      expect(await prisma.auditLog.count({ where: { subject: needSubject(need.id), action: "need.assign" } })).toBe(1);
    }
  });

  it("a need with a broker cannot be taken by another broker (409), neither by claiming nor by triage", async () => {
    const need = await makeNeed({ brokerId: broker.actor.id });
    await expect(claimNeed(rival.actor, need.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("移交") });
    await expect(markNeedReady(rival.actor, need.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).brokerId).toBe(broker.actor.id);
  });
});

describe("hand-over", () => {
  it("the assigned broker hands the need over: the new broker reads and runs it, the old one sees a teaser", async () => {
    const need = await makeNeed({ brokerId: broker.actor.id });
    await expect(handOverNeed(rival.actor, need.id, rival.actor.email)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await handOverNeed(broker.actor, need.id, rival.actor.email);
    expect((await viewNeed(rival.actor, need.id, { ip: null, via: "broker" })).access).toBe("full");
    expect((await viewNeed(broker.actor, need.id, { ip: null, via: "broker" })).access).toBe("teaser");
    expect((await getTriage(rival.actor, need.id)).can).toEqual({ triage: true, claim: false, handOver: true });
    expect((await getTriage(broker.actor, need.id)).can).toEqual({ triage: false, claim: false, handOver: false });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { subject: needSubject(need.id), action: "need.handOver" } });
    expect(row).toMatchObject({ actorId: broker.actor.id, detail: { fromBrokerId: broker.actor.id, toBrokerId: rival.actor.id } });
    // The rival is notified; handing over to someone who is not a broker is a field error.
    expect(await prisma.notification.count({ where: { userId: rival.actor.id, kind: "need.assigned", link: `/broker/needs/${need.id}` } })).toBe(1);
    const err = await handOverNeed(rival.actor, need.id, owner.actor.email).catch((e: unknown) => e);
    expect(isAppError(err) && err.fields).toEqual({ brokerEmail: ["No broker with this email"] });
  });

  it("an admin moves a need from its broker to another", async () => {
    const need = await makeNeed({ brokerId: broker.actor.id });
    await handOverNeed(admin.actor, need.id, rival.actor.email);
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).brokerId).toBe(rival.actor.id);
  });

  it("a broker whose accreditation was revoked cannot receive a need", async () => {
    const need = await makeNeed({ brokerId: broker.actor.id });
    const lapsed = await createApiUser("BROKER");
    await prisma.staffRoleGrant.updateMany({ where: { userId: lapsed.actor.id }, data: { revokedAt: new Date() } });
    const err = await handOverNeed(broker.actor, need.id, lapsed.actor.email).catch((e: unknown) => e);
    expect(isAppError(err) && err.fields).toEqual({ brokerEmail: ["No broker with this email"] });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).brokerId).toBe(broker.actor.id);
  });
});

describe("audit of full reads, surface by surface", () => {
  it("need page, broker page, API and deal page each write one row for a broker's full read; teasers and lists none", async () => {
    const need = await makeNeed({ brokerId: broker.actor.id });
    const deal = await prisma.introduction.create({
      data: { needId: need.id, researcherId: (await createApiUser("RESEARCHER")).actor.id, brokerId: broker.actor.id },
    });
    const before = await views(need.id, broker.actor.id);
    await viewNeed(broker.actor, need.id, { ip: null, via: "page" });
    await viewNeed(broker.actor, need.id, { ip: null, via: "broker" });
    const res = await needRoute.GET(apiRequest(`/needs/${need.id}`, { token: broker.token }), routeParams({ id: need.id }));
    expect(await res.text()).toContain(`秘密${tag}`);
    const detail = await getDeal(broker.actor, deal.id);
    expect(detail.deal.need.description).toContain(`秘密${tag}`);
    expect(await views(need.id, broker.actor.id)).toBe(before + 4);
    const vias = (
      await prisma.auditLog.findMany({ where: { subject: needSubject(need.id), action: "need.view", actorId: broker.actor.id }, select: { detail: true } })
    )
      .map((r) => (r.detail as { via: string }).via)
      .sort();
    expect(vias).toEqual(["api", "broker", "deal", "page"]);

    // Lists carry no full text and write nothing; a broker reading a teaser writes nothing.
    const deals = await listMyDeals(broker.actor);
    expect(deals.find((d) => d.id === deal.id)?.need.description).toBeNull();
    await listBrokerQueue(broker.actor, { view: "all" });
    expect(await views(need.id, broker.actor.id)).toBe(before + 4);
    expect((await viewNeed(rival.actor, need.id, { ip: null, via: "broker" })).access).toBe("teaser");
    expect(await views(need.id, rival.actor.id)).toBe(0);
  });

  it("an admin's full read is audited; the owner of an ANONYMOUS need shown to staff is audited too", async () => {
    const need = await makeNeed({ visibility: "ANONYMOUS", brokerHelpAt: new Date() });
    await viewNeed(admin.actor, need.id, { ip: null, via: "page" });
    const seen = await viewNeed(broker.actor, need.id, { ip: null, via: "broker" });
    expect(seen.organisation).not.toBeNull();
    expect(await views(need.id, admin.actor.id)).toBe(1);
    expect(await views(need.id, broker.actor.id)).toBe(1);
    // A researcher reads an ANONYMOUS need's text (it is public) without its owner: no row.
    const researcher = await createApiUser("RESEARCHER");
    expect((await viewNeed(researcher.actor, need.id, { ip: null, via: "page" })).organisation).toBeNull();
    expect(await views(need.id, researcher.actor.id)).toBe(0);
  });
});
