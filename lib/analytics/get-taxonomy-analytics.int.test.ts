// Taxonomy analytics against the real database: what each count includes, who may see the page,
// and that nothing but counts leaves the service (no titles, teasers or ids of confidential needs).
import { beforeAll, describe, expect, it } from "vitest";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import type { DealState, NeedStatus, Visibility } from "@/lib/generated/prisma/enums";
import { seedTaxonomy } from "@/scripts/seed";
import { getTaxonomyAnalytics } from "./get-taxonomy-analytics";

let company: ApiUser;
let researcher: ApiUser;
let broker: ApiUser;
let admin: ApiUser;
const SECRET = "绝密：新型钠离子电池正极配方";
const needIds: string[] = [];

async function need(chainNodeId: string | null, status: NeedStatus, visibility: Visibility = "PUBLIC", deal?: DealState) {
  const row = await prisma.need.create({
    data: {
      title: visibility === "PUBLIC" ? `公开需求 ${needIds.length}` : `${SECRET} ${needIds.length}`,
      description: `${SECRET}：需求正文，不应出现在统计里。`,
      teaser: visibility === "CONFIDENTIAL" ? `${SECRET} 摘要` : null,
      field: "传感器",
      keywords: [],
      status,
      visibility,
      chainNodeId,
      organisationId: company.organisationId,
      createdById: company.actor.id,
    },
  });
  needIds.push(row.id);
  if (deal) await prisma.introduction.create({ data: { needId: row.id, researcherId: researcher.actor.id, state: deal } });
  return row.id;
}

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  company = await createApiUser("COMPANY");
  researcher = await createApiUser("RESEARCHER");
  broker = await createApiUser("BROKER");
  admin = await createApiUser("ADMIN");
  // sensor.fusion: demand and no supply.
  await need("sensor.fusion", "PUBLISHED");
  await need("sensor.fusion", "PUBLISHED", "CONFIDENTIAL");
  await need("sensor.fusion", "PUBLISHED", "BROKER_ONLY");
  await need("sensor.fusion", "IN_PROGRESS", "PUBLIC", "NEGOTIATING"); // a deal under way
  await need("sensor.fusion", "PUBLISHED", "PUBLIC", "DECLINED"); // a declined deal is no deal
  await need("sensor.fusion", "SOLVED");
  await need("sensor.fusion", "DRAFT"); // not published: not counted
  await need("sensor.fusion", "EXPIRED");
  await need("sensor.fusion", "CLOSED");
  // materials.thermal: demand met by a published result on the node.
  await need("materials.thermal", "PUBLISHED", "CONFIDENTIAL");
  await prisma.result.create({
    data: {
      title: "高导热相变材料",
      summary: "导热系数大于 8 W/mK 的相变界面材料。",
      field: "新材料",
      keywords: [],
      chainNodeId: "materials.thermal",
      organisationId: researcher.organisationId,
      createdById: researcher.actor.id,
    },
  });
  await prisma.result.create({
    data: {
      title: "撤回的成果",
      summary: "已撤回的成果不计入。",
      field: "新材料",
      keywords: [],
      status: "WITHDRAWN",
      chainNodeId: "sensor.fusion",
      organisationId: researcher.organisationId,
      createdById: researcher.actor.id,
    },
  });
  // Untagged.
  await need(null, "PUBLISHED");
});

describe("getTaxonomyAnalytics", () => {
  it("counts published, open, solved, dealt-with and unmet needs and published results per node", async () => {
    const out = await getTaxonomyAnalytics(admin.actor);
    const node = (id: string) => out.chains.flatMap((c) => c.nodes).find((n) => n.id === id)!;
    expect(node("sensor.fusion").stats).toEqual({ needs: 6, openNeeds: 5, solved: 1, withDeal: 1, unmet: 4, results: 0 });
    expect(node("materials.thermal").stats).toEqual({ needs: 1, openNeeds: 1, solved: 0, withDeal: 0, unmet: 0, results: 1 });
    expect(out.untagged).toEqual({ needs: 1, openNeeds: 1, solved: 0, withDeal: 0, unmet: 1, results: 0 });
    expect(out.chains.find((c) => c.id === "sensor")!.totals.unmet).toBe(4);
    expect(out.totals).toMatchObject({ needs: 8, openNeeds: 7, unmet: 5, results: 1 });
    expect(out.bottlenecks[0]).toMatchObject({ nodeId: "sensor.fusion", chainId: "sensor", unmet: 4, results: 0 });
    expect(out.bottlenecks.map((b) => b.nodeId)).not.toContain("materials.thermal");
    // Every node of the taxonomy is there, with zeros where nothing is tagged.
    const nodes = await prisma.chainNode.count();
    expect(out.chains.flatMap((c) => c.nodes)).toHaveLength(nodes);
  });

  it("returns counts only: no title, teaser, text or id of any need", async () => {
    const json = JSON.stringify(await getTaxonomyAnalytics(admin.actor));
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain("公开需求");
    for (const id of needIds) expect(json).not.toContain(id);
  });

  it("is for staff and analysts only, each counting only the needs they may discover", async () => {
    for (const u of [company, researcher]) await expect(getTaxonomyAnalytics(u.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getTaxonomyAnalytics(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const all = (await getTaxonomyAnalytics(admin.actor)).totals;
    // A broker whose portfolio does not cover the BROKER_ONLY need (and an analyst) counts everything but it.
    const withoutBrokerOnly = { ...all, needs: all.needs - 1, openNeeds: all.openNeeds - 1, unmet: all.unmet - 1 };
    expect((await getTaxonomyAnalytics(broker.actor)).totals).toEqual(withoutBrokerOnly);
    const analyst = await createApiUser("ANALYST");
    expect((await getTaxonomyAnalytics(analyst.actor)).totals).toEqual(withoutBrokerOnly);
  });
});
