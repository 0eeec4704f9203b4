// `npm run reindex` (rebuildAllIndexes): searches keep answering with the full catalogue while the
// indexes are rebuilt and swapped, and a write made during the rebuild is in the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getMeili, indexFor, matchIndexUid } from "./client";
import { matchDocument, needBrokerDocument, needPublicDocument, resultDocument, type NeedRow, type ResultRow } from "./documents";
import { rebuildAllIndexes } from "./rebuild";
import { syncNeed } from "./sync";

const N = 1500;

beforeAll(async () => {
  const org = await prisma.organisation.create({ data: { name: `Rebuild Org ${Date.now()}`, kind: "COMPANY" } });
  const user = await prisma.user.create({ data: { email: `rebuild-${Date.now()}@example.cn`, role: "COMPANY", organisationId: org.id } });
  await prisma.need.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      title: i % 2 ? `Solid-state battery separator coating ${i}` : `固态电池隔膜涂层工艺 ${i}`,
      description: i % 2 ? "We need a ceramic coating process for separators." : "需要一种用于隔膜的陶瓷涂层工艺。",
      field: "新能源",
      keywords: ["电池", "battery"],
      lang: i % 2 ? ("en" as const) : ("zh" as const),
      status: "PUBLISHED" as const,
      visibility: "PUBLIC" as const,
      publishedAt: new Date(),
      organisationId: org.id,
      createdById: user.id,
    })),
  });
  await rebuildAllIndexes(prisma);
}, 180_000);

afterAll(() => prisma.$disconnect());

describe("rebuildAllIndexes", () => {
  it("keeps every search answering with the whole catalogue during a rebuild", async () => {
    const totals: number[] = [];
    let errors = 0;
    let rebuilding = true;
    const searching = (async () => {
      while (rebuilding) {
        try {
          const res = await indexFor("needs").search("电池", { limit: 1 });
          totals.push(res.estimatedTotalHits ?? -1);
        } catch {
          errors++;
        }
      }
    })();
    const first = await prisma.need.findFirstOrThrow({ select: { id: true } });
    const rebuild = rebuildAllIndexes(prisma);
    // A write while the rebuild runs: its job (here run inline) and the rebuild's catch-up both see it.
    await prisma.need.update({ where: { id: first.id }, data: { title: "固态电池隔膜涂层工艺（已更新）", version: { increment: 1 } } });
    await syncNeed(prisma, first.id);
    const counts = await rebuild;
    rebuilding = false;
    await searching;

    expect(counts.needs).toBe(N);
    expect(errors).toBe(0);
    expect(totals.length).toBeGreaterThan(5);
    expect(totals.every((t) => t === N)).toBe(true);
    const doc = await indexFor("needs").getDocument<{ title: string; version: number }>(first.id);
    expect(doc.title).toBe("固态电池隔膜涂层工艺（已更新）");
    expect(doc.version).toBe(2);
  });

  it("drops the documents of rows deleted while it ran (read into the new index before their deletion)", async () => {
    const need = await prisma.need.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true, organisationId: true, createdById: true } });
    const doomed = await prisma.result.create({
      data: {
        title: "Doomed membrane",
        summary: "deleted during a rebuild",
        field: "新能源",
        keywords: [],
        lang: "en",
        status: "PUBLISHED",
        organisationId: need.organisationId,
        createdById: need.createdById,
      },
    });
    await rebuildAllIndexes(prisma, {
      // Both rows were read into the new indexes; their index jobs would run on the old ones.
      beforeSwap: async () => {
        await prisma.need.delete({ where: { id: need.id } });
        await prisma.result.delete({ where: { id: doomed.id } });
      },
    });
    for (const kind of ["needs", "needs_broker"] as const) {
      await expect(indexFor(kind).getDocument(need.id)).rejects.toThrow();
      await expect(getMeili().index(matchIndexUid(kind)).getDocument(need.id)).rejects.toThrow();
    }
    await expect(indexFor("results").getDocument(doomed.id)).rejects.toThrow();
    await expect(getMeili().index(matchIndexUid("results")).getDocument(doomed.id)).rejects.toThrow();
  });
});

describe("rebuildAllIndexes reads rows with its own SQL", () => {
  it("builds exactly the documents the per-row sync builds from Prisma rows (every field, lists, relations)", async () => {
    await prisma.industryChain.upsert({ where: { id: "rbchain" }, update: {}, create: { id: "rbchain", nameZh: "重建链", nameEn: "Rebuild chain" } });
    await prisma.chainNode.upsert({
      where: { id: "rbchain.node" },
      update: {},
      create: { id: "rbchain.node", chainId: "rbchain", stage: "UPSTREAM", nameZh: "节点", nameEn: "Node" },
    });
    const org = await prisma.organisation.create({ data: { name: `Rebuild Fields Org ${Date.now()}`, kind: "UNIVERSITY", region: "南山区" } });
    const user = await prisma.user.create({ data: { email: `rebuild-fields-${Date.now()}@example.cn`, role: "RESEARCHER", organisationId: org.id } });
    const base = { organisationId: org.id, createdById: user.id, field: "新能源", chainNodeId: "rbchain.node" };
    const needs = await Promise.all([
      prisma.need.create({
        data: {
          ...base,
          publishedAt: new Date(),
          title: "保密的固态电解质需求",
          description: "不公开的细节：硫化物电解质",
          teaser: "一项固态电解质需求",
          teaserFields: ["trlTarget", "region"],
          visibility: "CONFIDENTIAL",
          status: "PUBLISHED",
          keywords: ["电解质"],
          trlTarget: 5,
          budgetMinCny: 100_000,
          budgetMaxCny: 300_000,
          collaborationModes: ["LICENCE", "EQUITY"],
          region: "福田区",
          desiredOutcome: "离子电导率 5 mS/cm",
        },
      }),
      prisma.need.create({
        data: {
          ...base,
          publishedAt: new Date(),
          title: "Anonymous separator need",
          description: "Ceramic coating.",
          visibility: "ANONYMOUS",
          status: "IN_PROGRESS",
          lang: "en",
        },
      }),
      prisma.need.create({ data: { ...base, chainNodeId: null, title: "仅经纪人可见", description: "细节", visibility: "BROKER_ONLY", status: "SUBMITTED" } }),
    ]);
    const result = await prisma.result.create({
      data: {
        ...base,
        title: "硫化物固态电解质",
        summary: "室温电导率 5 mS/cm",
        description: "公斤级验证",
        keywords: ["固态电解质"],
        trl: 6,
        transferModes: ["LICENCE"],
        advantages: "成本低",
        applicationScenarios: "动力电池",
      },
    });
    await rebuildAllIndexes(prisma);

    const include = { organisation: { select: { name: true, region: true } }, chainNode: { select: { id: true, chainId: true } } } as const;
    const doc = async (kind: "needs" | "needs_broker" | "results", id: string) => {
      const found = await indexFor(kind)
        .getDocument(id)
        .catch(() => null);
      const match = await getMeili()
        .index(matchIndexUid(kind))
        .getDocument(id)
        .catch(() => null);
      return { found, match };
    };
    for (const need of needs) {
      const row = (await prisma.need.findUniqueOrThrow({ where: { id: need.id }, include })) as NeedRow;
      for (const [kind, build] of [
        ["needs", needPublicDocument],
        ["needs_broker", needBrokerDocument],
      ] as const) {
        const want = build(row);
        const { found, match } = await doc(kind, need.id);
        expect(found, `${kind} ${need.title}`).toEqual(want);
        expect(match, `${kind}_match ${need.title}`).toEqual(want ? matchDocument(want) : null);
      }
    }
    const row = (await prisma.result.findUniqueOrThrow({ where: { id: result.id }, include })) as ResultRow;
    const { found, match } = await doc("results", result.id);
    expect(found).toEqual(resultDocument(row));
    expect(match).toEqual(matchDocument(resultDocument(row)!));
  }, 180_000);
});

describe("syncNeeds (the batched index job)", () => {
  it("upserts current versions, deletes removed rows, and gives the same index when run twice", async () => {
    const rows = await prisma.need.findMany({ take: 3, orderBy: { id: "asc" }, select: { id: true } });
    const [a, b, c] = rows.map((r) => r.id) as [string, string, string];
    await prisma.need.update({ where: { id: a }, data: { title: "批量同步 A", version: { increment: 1 } } });
    await prisma.need.update({ where: { id: b }, data: { status: "DRAFT", version: { increment: 1 } } });
    await prisma.need.delete({ where: { id: c } });
    const { syncNeeds } = await import("./sync");
    for (let run = 0; run < 2; run++) {
      await syncNeeds(prisma, [a, b, c, a, "no-such-id"]);
      const docA = await indexFor("needs").getDocument<{ title: string; version: number }>(a);
      expect(docA).toMatchObject({ title: "批量同步 A" });
      // A draft leaves the public index; a deleted need leaves every index.
      await expect(indexFor("needs").getDocument(b)).rejects.toThrow();
      await expect(indexFor("needs_broker").getDocument(b)).rejects.toThrow();
      await expect(indexFor("needs").getDocument(c)).rejects.toThrow();
      await expect(indexFor("needs_broker").getDocument(c)).rejects.toThrow();
    }
  });
});
