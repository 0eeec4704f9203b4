import { describe, expect, it } from "vitest";
import { createNeedSchema } from "../../lib/needs/schemas";
import { createResultSchema } from "../../lib/results/schemas";
import { detectLang } from "../../lib/text/detect-lang";
import { chainNodeIds } from "../../prisma/data/taxonomy";
import { RECORDS_PER_ORG, scaleCompany, scaleLab, scaleNeed, scaleResult, scaleUser, splitRecords } from "./generate";

const SAMPLE = 2_000;
const needs = Array.from({ length: SAMPLE }, (_, i) => scaleNeed(i));
const results = Array.from({ length: SAMPLE }, (_, i) => scaleResult(i));

describe("seed:scale generator", () => {
  it("is deterministic: record i is always the same", () => {
    expect(scaleNeed(1234)).toEqual(scaleNeed(1234));
    expect(scaleResult(99_999)).toEqual(scaleResult(99_999));
    expect(scaleNeed(1).title).not.toBe(scaleNeed(2).title);
  });

  it("splits a total into 40% needs and 60% results", () => {
    expect(splitRecords(100_000)).toEqual({ needs: 40_000, results: 60_000 });
    expect(splitRecords(7)).toEqual({ needs: 3, results: 4 });
  });

  it("writes about 70% Chinese and 30% English, and the text is in the language it claims", () => {
    const zh = needs.filter((n) => n.lang === "zh").length / SAMPLE;
    expect(zh).toBeGreaterThan(0.65);
    expect(zh).toBeLessThan(0.75);
    for (const item of [...needs, ...results]) {
      expect(detectLang(`${item.title} ${item.description}`), item.id).toBe(item.lang);
    }
  });

  it("spreads records over the taxonomy, visibilities and statuses", () => {
    for (const item of [...needs, ...results]) expect(chainNodeIds.has(item.chainNodeId), item.chainNodeId).toBe(true);
    expect(new Set(needs.map((n) => n.chainNodeId)).size).toBeGreaterThan(60);
    expect(new Set(needs.map((n) => n.visibility))).toEqual(new Set(["PUBLIC", "ANONYMOUS", "CONFIDENTIAL", "BROKER_ONLY"]));
    for (const n of needs.filter((x) => x.visibility === "CONFIDENTIAL")) expect(n.teaser, n.id).toBeTruthy();
    expect(needs.filter((n) => n.status === "PUBLISHED").length).toBeGreaterThan(SAMPLE * 0.8);
    // A varied vocabulary, not a handful of repeated sentences.
    expect(new Set(needs.map((n) => n.title)).size).toBeGreaterThan(SAMPLE * 0.95);
  });

  it("is valid input for the app's own create schemas", () => {
    for (const n of needs) {
      const parsed = createNeedSchema.safeParse({
        title: n.title,
        description: n.description,
        field: n.field,
        keywords: n.keywords,
        lang: n.lang,
        visibility: n.visibility,
        teaser: n.teaser ?? undefined,
        chainNodeId: n.chainNodeId,
        trlTarget: n.trlTarget,
        budgetMinCny: n.budgetMinCny,
        budgetMaxCny: n.budgetMaxCny,
        collaborationModes: n.collaborationModes,
        region: n.region,
      });
      expect(parsed.success ? "ok" : JSON.stringify(parsed.error.issues), n.id).toBe("ok");
    }
    for (const r of results) {
      const parsed = createResultSchema.safeParse({
        title: r.title,
        summary: r.summary,
        description: r.description,
        field: r.field,
        keywords: r.keywords,
        lang: r.lang,
        trl: r.trl,
        transferModes: r.transferModes,
        chainNodeId: r.chainNodeId,
      });
      expect(parsed.success ? "ok" : JSON.stringify(parsed.error.issues), r.id).toBe("ok");
    }
  });

  it("gives every record an organisation and author of the right kind", () => {
    const need = scaleNeed(RECORDS_PER_ORG * 3 + 1);
    const company = scaleCompany(3);
    expect(need.organisationId).toBe(company.id);
    expect(need.createdById).toBe(scaleUser(company, 3).id);
    expect(scaleUser(company, 3).role).toBe("COMPANY");
    const result = scaleResult(5);
    expect(result.organisationId).toBe(scaleLab(0).id);
    expect(scaleUser(scaleLab(0), 0).role).toBe("RESEARCHER");
    expect(new Set(Array.from({ length: 500 }, (_, i) => scaleCompany(i).name)).size).toBe(500);
  });
});
