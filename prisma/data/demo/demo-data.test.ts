import { describe, expect, it } from "vitest";
import { createNeedSchema } from "../../../lib/needs/schemas";
import { createResultSchema } from "../../../lib/results/schemas";
import { detectLang } from "../../../lib/text/detect-lang";
import { chainNodeIds, taxonomy } from "../taxonomy";
import { DEMO_PASSWORD, demoAccounts, intendedMatches, needs, organisations, results, users, type DemoNeed, type DemoResult } from "./index";

const HAN = /\p{Script=Han}/u;
const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
const orgById = new Map(organisations.map((o) => [o.id, o]));
const userById = new Map(users.map((u) => [u.id, u]));
const adminOf = (orgId: string) => users.find((u) => u.organisationId === orgId && u.isOrgAdmin);
const items: (DemoNeed | DemoResult)[] = [...needs, ...results];
const chainOf = (nodeId: string) => nodeId.split(".")[0];
/** Sentences ending in 。！？ or . ! ? followed by a space or the end (not decimals like 0.8). */
const sentenceCount = (text: string) => (text.match(/[。！？]|[.!?](?=\s|$)/g) ?? []).length;

describe("taxonomy.json", () => {
  it("has at least 8 bilingual chains with 4-8 nodes each and a source note", () => {
    expect(taxonomy.source.zh).toMatch(/战略性新兴产业集群/);
    expect(taxonomy.source.en.length).toBeGreaterThan(50);
    expect(taxonomy.chains.length).toBeGreaterThanOrEqual(8);
    for (const chain of taxonomy.chains) {
      expect(chain.nameZh, chain.id).toMatch(HAN);
      expect(chain.nameEn, chain.id).not.toMatch(HAN);
      expect(chain.nodes.length, chain.id).toBeGreaterThanOrEqual(4);
      expect(chain.nodes.length, chain.id).toBeLessThanOrEqual(8);
      for (const node of chain.nodes) {
        expect(node.id.startsWith(`${chain.id}.`), node.id).toBe(true);
        expect(["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"]).toContain(node.stage);
        expect(node.nameZh, node.id).toMatch(HAN);
        expect(node.nameEn, node.id).not.toMatch(HAN);
      }
      // Every chain spans the chain: something upstream and something further down.
      const stages = new Set(chain.nodes.map((n) => n.stage));
      expect(stages.has("UPSTREAM") && (stages.has("MIDSTREAM") || stages.has("DOWNSTREAM")), chain.id).toBe(true);
    }
  });

  it("has unique, stable ids", () => {
    const chainIds = taxonomy.chains.map((c) => c.id);
    const nodeIds = taxonomy.chains.flatMap((c) => c.nodes.map((n) => n.id));
    expect(dupes(chainIds)).toEqual([]);
    expect(dupes(nodeIds)).toEqual([]);
    for (const id of [...chainIds, ...nodeIds]) expect(id).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)?$/);
  });
});

describe("demo organisations and users", () => {
  it("has enough organisations of each kind, with unique ids and names", () => {
    expect(organisations.length).toBeGreaterThanOrEqual(12);
    const kinds = organisations.map((o) => o.kind);
    expect(kinds.filter((k) => k === "COMPANY").length).toBeGreaterThanOrEqual(7);
    expect(kinds.filter((k) => k === "UNIVERSITY").length).toBeGreaterThanOrEqual(3);
    expect(kinds).toContain("TTO");
    expect(kinds).toContain("GOVERNMENT");
    expect(dupes(organisations.map((o) => o.id))).toEqual([]);
    expect(dupes(organisations.map((o) => o.name))).toEqual([]);
    for (const o of organisations) expect(o.region, o.id).toMatch(/区$/);
  });

  it("has unique user ids and emails, one admin per organisation and roles that fit the organisation", () => {
    expect(dupes(users.map((u) => u.id))).toEqual([]);
    expect(dupes(users.map((u) => u.email.toLowerCase()))).toEqual([]);
    const roleForKind = { COMPANY: "COMPANY", UNIVERSITY: "RESEARCHER", TTO: "BROKER", GOVERNMENT: "ADMIN" } as const;
    for (const u of users) {
      expect(u.email, u.id).toMatch(/^[a-z0-9.]+@demo\.techbridge\.cn$/);
      const org = orgById.get(u.organisationId);
      expect(org, u.id).toBeDefined();
      // The policy analyst is a staff role held by someone of the government organisation.
      if (u.role === "ANALYST") expect(org!.kind, u.id).toBe("GOVERNMENT");
      else expect(u.role, u.id).toBe(roleForKind[org!.kind]);
    }
    for (const o of organisations) {
      expect(users.filter((u) => u.organisationId === o.id && u.isOrgAdmin).length, o.id).toBe(1);
    }
  });

  it("has the memorable demo accounts, one per role", () => {
    const expected = [
      ["company@demo.techbridge.cn", "COMPANY", "COMPANY"],
      ["researcher@demo.techbridge.cn", "RESEARCHER", "UNIVERSITY"],
      ["broker@demo.techbridge.cn", "BROKER", "TTO"],
      ["admin@demo.techbridge.cn", "ADMIN", "GOVERNMENT"],
      ["analyst@demo.techbridge.cn", "ANALYST", "GOVERNMENT"],
    ] as const;
    for (const [email, role, kind] of expected) {
      const u = users.find((x) => x.email === email);
      expect(u, email).toBeDefined();
      expect(u!.role).toBe(role);
      expect(orgById.get(u!.organisationId)!.kind).toBe(kind);
    }
    expect(users.find((u) => u.email === "company@demo.techbridge.cn")!.isOrgAdmin).toBe(true);
    expect(users.filter((u) => u.role === "COMPANY").length).toBeGreaterThanOrEqual(4);
    expect(users.filter((u) => u.role === "RESEARCHER").length).toBeGreaterThanOrEqual(3);
    expect(DEMO_PASSWORD).toBe("TechBridge-demo-2026");
    expect(demoAccounts.map((a) => a.email)).toEqual(users.map((u) => u.email));
    for (const a of demoAccounts) expect(a.org).not.toBe("");
  });
});

describe("demo needs and results", () => {
  it("meets the minimum counts and spreads over at least 6 chains", () => {
    expect(needs.length).toBeGreaterThanOrEqual(55);
    expect(results.length).toBeGreaterThanOrEqual(110);
    expect(new Set(needs.map((n) => chainOf(n.chainNodeId))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(results.map((r) => chainOf(r.chainNodeId))).size).toBeGreaterThanOrEqual(6);
  });

  it("has unique ids (also across needs and results) and unique external ids per organisation", () => {
    const ids = [...organisations.map((o) => o.id), ...users.map((u) => u.id), ...items.map((x) => x.id)];
    expect(dupes(ids)).toEqual([]);
    for (const n of needs) expect(n.id).toMatch(/^need-[a-z0-9-]+$/);
    for (const r of results) expect(r.id).toMatch(/^res-[a-z0-9-]+$/);
    const external = results.filter((r) => r.externalId).map((r) => `${r.org}/${r.externalId}`);
    expect(dupes(external)).toEqual([]);
  });

  it("points every item at an existing chain node", () => {
    for (const x of items) expect(chainNodeIds.has(x.chainNodeId), `${x.id}: ${x.chainNodeId}`).toBe(true);
  });

  it("keeps TRLs in 1..9 and budgets ordered", () => {
    for (const n of needs) {
      expect(Number.isInteger(n.trlTarget) && n.trlTarget >= 1 && n.trlTarget <= 9, n.id).toBe(true);
      expect(Number.isInteger(n.budgetMinCny) && n.budgetMinCny > 0, n.id).toBe(true);
      expect(Number.isInteger(n.budgetMaxCny), n.id).toBe(true);
      expect(n.budgetMinCny, n.id).toBeLessThanOrEqual(n.budgetMaxCny);
      expect(n.collaborationModes.length, n.id).toBeGreaterThan(0);
    }
    for (const r of results) {
      expect(Number.isInteger(r.trl) && r.trl >= 1 && r.trl <= 9, r.id).toBe(true);
      expect(r.transferModes.length, r.id).toBeGreaterThan(0);
    }
  });

  it("has authors from the owning organisation with a role that may create the item", () => {
    for (const n of needs) {
      expect(orgById.get(n.org)?.kind, n.id).toBe("COMPANY");
      const author = n.author ? userById.get(n.author) : adminOf(n.org);
      expect(author?.organisationId, n.id).toBe(n.org);
      expect(author?.role, n.id).toBe("COMPANY");
      if (n.broker) expect(userById.get(n.broker)?.role, n.id).toBe("BROKER");
    }
    for (const r of results) {
      expect(["UNIVERSITY", "TTO"], r.id).toContain(orgById.get(r.org)?.kind);
      const author = r.author ? userById.get(r.author) : adminOf(r.org);
      expect(author?.organisationId, r.id).toBe(r.org);
      expect(["RESEARCHER", "BROKER"], r.id).toContain(author?.role);
    }
  });

  it("has both languages (about a third English) and each item's text is in its language", () => {
    const en = items.filter((x) => x.lang === "en").length;
    expect(en / items.length).toBeGreaterThan(0.25);
    expect(en / items.length).toBeLessThan(0.45);
    for (const x of items) {
      const body = "summary" in x ? `${x.title} ${x.summary}` : `${x.title} ${x.description}`;
      expect(detectLang(body), x.id).toBe(x.lang);
      if (x.lang === "en") expect(`${x.title} ${x.field}`, x.id).not.toMatch(HAN);
      else expect(x.field, x.id).toMatch(HAN);
    }
  });

  it("uses every visibility, mostly PUBLIC, with a teaser on every CONFIDENTIAL need", () => {
    const count = (v: string) => needs.filter((n) => (n.visibility ?? "PUBLIC") === v).length;
    expect(count("PUBLIC") / needs.length).toBeGreaterThan(0.75);
    expect(count("ANONYMOUS")).toBeGreaterThanOrEqual(2);
    expect(count("CONFIDENTIAL")).toBeGreaterThanOrEqual(2);
    expect(count("BROKER_ONLY")).toBeGreaterThanOrEqual(2);
    expect(count("BROKER_ONLY")).toBeLessThanOrEqual(3);
    for (const n of needs) {
      if (n.visibility === "CONFIDENTIAL") expect(n.teaser?.trim().length ?? 0, n.id).toBeGreaterThan(10);
      // The teaser is what the public sees: it must not repeat the confidential description.
      if (n.teaser) expect(n.description.includes(n.teaser), n.id).toBe(false);
    }
  });

  it("reads like real content: 3-6 sentence needs, 3-6 distinct keywords, no placeholders", () => {
    for (const n of needs) {
      const sentences = sentenceCount(n.description);
      expect(sentences, n.id).toBeGreaterThanOrEqual(3);
      expect(sentences, n.id).toBeLessThanOrEqual(6);
    }
    for (const r of results) expect(sentenceCount(r.description), r.id).toBeGreaterThanOrEqual(3);
    for (const x of items) {
      expect(x.keywords.length, x.id).toBeGreaterThanOrEqual(3);
      expect(x.keywords.length, x.id).toBeLessThanOrEqual(6);
      expect(dupes(x.keywords.map((k) => k.toLowerCase())), x.id).toEqual([]);
      const text = JSON.stringify(x);
      expect(text, x.id).not.toMatch(/lorem|ipsum|TODO|TBD|xxx|\bNeed #\d|\bResult #\d|需求\s*\d+号/i);
    }
    expect(dupes(items.map((x) => x.title))).toEqual([]);
  });

  it("is valid input for the app's own create schemas", () => {
    for (const n of needs) {
      const input = {
        title: n.title,
        description: n.description,
        field: n.field,
        keywords: n.keywords,
        lang: n.lang,
        visibility: n.visibility ?? "PUBLIC",
        teaser: n.teaser,
        chainNodeId: n.chainNodeId,
        trlTarget: n.trlTarget,
        budgetMinCny: n.budgetMinCny,
        budgetMaxCny: n.budgetMaxCny,
        collaborationModes: n.collaborationModes,
        region: n.region,
      };
      const parsed = createNeedSchema.safeParse(input);
      expect(parsed.success ? "ok" : JSON.stringify(parsed.error.issues), n.id).toBe("ok");
    }
    for (const r of results) {
      const input = {
        title: r.title,
        summary: r.summary,
        description: r.description,
        field: r.field,
        keywords: r.keywords,
        lang: r.lang,
        trl: r.trl,
        transferModes: r.transferModes,
        chainNodeId: r.chainNodeId,
        externalId: r.externalId,
      };
      const parsed = createResultSchema.safeParse(input);
      expect(parsed.success ? "ok" : JSON.stringify(parsed.error.issues), r.id).toBe("ok");
    }
  });

  it("gives every need at least one intended matching result, many across languages", () => {
    const needIds = new Set(needs.map((n) => n.id));
    for (const [needId, resultId] of intendedMatches) expect(needIds.has(needId), `${resultId} -> ${needId}`).toBe(true);
    const matched = new Set(intendedMatches.map(([needId]) => needId));
    expect(needs.filter((n) => !matched.has(n.id)).map((n) => n.id)).toEqual([]);
    const langOf = new Map(items.map((x) => [x.id, x.lang]));
    const cross = intendedMatches.filter(([n, r]) => langOf.get(n) !== langOf.get(r));
    expect(cross.length).toBeGreaterThanOrEqual(10);
    // Some results stand alone, so the catalogue is not just answers to the listed needs.
    expect(results.filter((r) => !r.matches?.length).length).toBeGreaterThanOrEqual(20);
  });
});
