import { describe, expect, it } from "vitest";
import { researcherVisibleSubject, type NeedForSubject } from "./subjects";

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
