import { describe, expect, it } from "vitest";
import { challengeMatchSubject, researcherVisibleSubject, type NeedForSubject } from "./subjects";

const need = (visibility: NeedForSubject["visibility"], teaserFields: string[] = []): NeedForSubject => ({
  title: "固态电解质",
  teaser: "寻求高电导率电解质",
  teaserFields,
  description: "机密：客户为某车企",
  keywords: ["机密词"],
  visibility,
  field: "新能源",
  trlTarget: 6,
  collaborationModes: ["LICENCE"],
  region: "深圳",
  chainNodeId: "node",
  chainNode: { chainId: "chain" },
});

describe("researcherVisibleSubject", () => {
  it("uses the full text of public and anonymous needs", () => {
    for (const v of ["PUBLIC", "ANONYMOUS"] as const) {
      const s = researcherVisibleSubject(need(v))!;
      expect(s.text.body).toContain("机密：客户为某车企");
      expect(s.text.keywords).toEqual(["机密词"]);
    }
  });
  it("uses only the teaser of a confidential need, and only the teaser fields its owner shows", () => {
    const s = researcherVisibleSubject(need("CONFIDENTIAL", ["trlTarget"]))!;
    expect(JSON.stringify(s)).not.toContain("机密");
    expect(s.text).toEqual({ title: "固态电解质", body: "寻求高电导率电解质", keywords: [] });
    expect(s.structured).toMatchObject({ trl: 6, collaborationModes: [], region: null, chainId: "chain", field: "新能源" });
  });
  it("gives nothing of a broker-only need", () => {
    expect(researcherVisibleSubject(need("BROKER_ONLY"))).toBeNull();
  });
});

describe("challengeMatchSubject", () => {
  const challenge = (visibility: string) => ({
    title: "低温快充电解液",
    teaser: "零下二十度 15 分钟快充",
    problem: "保密问题：客户为某车企的北方车型",
    keywords: ["电解液"],
    visibility,
    field: "新能源",
    region: "深圳",
    chainNodeId: "node",
    chainNode: { chainId: "chain" },
  });
  it("matches a public call on its problem statement too", () => {
    expect(challengeMatchSubject(challenge("PUBLIC")).text.body).toContain("保密问题");
  });
  it("never uses a confidential call's problem (behind its NDA)", () => {
    const s = challengeMatchSubject(challenge("CONFIDENTIAL"));
    expect(JSON.stringify(s)).not.toContain("保密问题");
    expect(s.text).toEqual({ title: "低温快充电解液", body: "零下二十度 15 分钟快充", keywords: ["电解液"] });
    expect(s.structured).toMatchObject({ chainId: "chain", chainNodeId: "node", field: "新能源", region: "深圳" });
  });
});
