import { describe, expect, it } from "vitest";
import { seedDemoHistory } from "../../../scripts/monitor-history";
import { taxonomy } from "../taxonomy";
import { seedDemoChallenges } from "./challenges";
import { buildInstrumentDemoRows } from "./instruments";
import { needs, organisations, results, users } from "./index";

// Every id the demo writes may become a Meilisearch document id (needs, results, instruments,
// challenges, and whatever is indexed next), and Meilisearch takes only [A-Za-z0-9_-], at most
// 511 bytes: one bad id fails the demo's whole index rebuild (a chain node id with a dot did).
const VALID_DOCUMENT_ID = /^[A-Za-z0-9_-]+$/;
const invalid = (ids: readonly string[]) => ids.filter((id) => !VALID_DOCUMENT_ID.test(id) || Buffer.byteLength(id, "utf8") > 511);

type Written = Map<string, string[]>;

/** A stand-in for the Prisma client that records the ids of every row written through it. */
function recordingDb(written: Written) {
  const record = (model: string, data: unknown) => {
    for (const row of [data].flat() as { id?: unknown }[]) {
      if (typeof row?.id === "string") written.set(model, [...(written.get(model) ?? []), row.id]);
    }
  };
  const nodes = taxonomy.chains.flatMap((c) => c.nodes.map((n) => ({ id: n.id, nameZh: n.nameZh, nameEn: n.nameEn })));
  const model = (name: string) => ({
    createMany: async ({ data }: { data: unknown }) => (record(name, data), { count: [data].flat().length }),
    create: async ({ data }: { data: unknown }) => (record(name, data), data),
    findMany: async () => (name === "chainNode" ? nodes : []),
  });
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, prop: string) => (prop.startsWith("$") ? async () => 0 : model(prop)),
  });
}

describe("demo ids are valid search document ids", () => {
  it("organisations, users, needs and results", () => {
    for (const [what, ids] of Object.entries({
      organisations: organisations.map((o) => o.id),
      users: users.map((u) => u.id),
      needs: needs.map((n) => n.id),
      results: results.map((r) => r.id),
    })) {
      expect(ids.length, what).toBeGreaterThan(0);
      expect(invalid(ids), what).toEqual([]);
    }
  });

  it("instruments, their closures and bookings", () => {
    const rows = buildInstrumentDemoRows(Date.UTC(2026, 11, 5));
    for (const [what, list] of Object.entries(rows)) {
      const ids = (list as { id?: string }[]).flatMap((r) => (r.id ? [r.id] : []));
      expect(invalid(ids), what).toEqual([]);
    }
    expect(rows.instrumentRows.length).toBeGreaterThan(0);
  });

  it("challenges and every row seeded with them", async () => {
    const written: Written = new Map();
    await seedDemoChallenges(recordingDb(written) as never, new Date(Date.UTC(2026, 11, 5)));
    expect(written.get("challenge")?.length).toBeGreaterThanOrEqual(4);
    for (const [what, ids] of written) expect(invalid(ids), what).toEqual([]);
  });

  it("the chain monitor's two years of history needs (ids built from chain node ids)", async () => {
    const written: Written = new Map();
    const count = await seedDemoHistory(recordingDb(written) as never, {
      companies: [{ orgId: "org-a", userId: "user-a" }],
      researcherId: "user-researcher",
      brokerId: "user-broker",
      now: new Date(Date.UTC(2026, 11, 5)),
    });
    expect(count).toBeGreaterThan(100);
    expect(written.get("need")?.length).toBe(count);
    for (const [what, ids] of written) expect(invalid(ids), what).toEqual([]);
  });
});
