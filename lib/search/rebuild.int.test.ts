// `npm run reindex` (rebuildAllIndexes): searches keep answering with the full catalogue while the
// indexes are rebuilt and swapped, and a write made during the rebuild is in the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { indexFor } from "./client";
import { rebuildAllIndexes, syncNeed } from "./sync";

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
