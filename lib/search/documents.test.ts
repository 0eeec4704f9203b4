import { describe, expect, it } from "vitest";
import { innerWords, needBrokerDocument, needPublicDocument, resultDocument, type NeedRow, type ResultRow } from "./documents";
import { toSegments, PRE, POST } from "./highlight";

const SECRET = "采用独家配方的钴酸锂改性工艺";
const need = (over: Partial<NeedRow> = {}): NeedRow => ({
  id: "n1",
  version: 3,
  title: "高能量密度电池正极材料",
  teaser: "寻找正极材料合作伙伴",
  teaserFields: [],
  description: `我们的产线${SECRET}，需要提高循环寿命。`,
  desiredOutcome: "循环寿命提高一倍",
  keywords: ["钴酸锂", "秘密关键词"],
  field: "新能源",
  lang: "zh",
  visibility: "PUBLIC",
  status: "PUBLISHED",
  trlTarget: 6,
  budgetMinCny: 100000,
  budgetMaxCny: 500000,
  collaborationModes: ["CO_DEVELOPMENT"],
  region: "深圳",
  chainNodeId: "ev-battery",
  organisationId: "org1",
  createdAt: new Date("2026-01-01T00:00:00Z"),
  publishedAt: new Date("2026-01-02T00:00:00Z"),
  organisation: { name: "比亚迪示例公司", region: "深圳" },
  chainNode: { id: "ev-battery", chainId: "ev" },
  ...over,
});

describe("need documents and confidentiality", () => {
  it("PUBLIC: full content with organisation, version and chain", () => {
    const d = needPublicDocument(need())!;
    expect(d).toMatchObject({ id: "n1", version: 3, organisationName: "比亚迪示例公司", organisationId: "org1", chainId: "ev", trl: 6 });
    expect(d.description).toContain(SECRET);
    expect(d.terms).toContain("配方");
    expect(d.publishedAt).toBe(Date.parse("2026-01-02T00:00:00Z"));
  });

  it("ANONYMOUS: content but no organisation name or id", () => {
    const d = needPublicDocument(need({ visibility: "ANONYMOUS" }))!;
    expect(d.description).toContain(SECRET);
    expect(d.organisationName).toBeNull();
    expect(d.organisationId).toBeNull();
    expect(JSON.stringify(d)).not.toContain("比亚迪");
  });

  it("CONFIDENTIAL: teaser fields only, nothing of the description/keywords even in analysed terms", () => {
    const d = needPublicDocument(need({ visibility: "CONFIDENTIAL" }))!;
    const json = JSON.stringify(d);
    expect(d.title).toBe("高能量密度电池正极材料");
    expect(d.teaser).toBe("寻找正极材料合作伙伴");
    expect(d.description).toBeNull();
    expect(d.keywords).toEqual([]);
    expect(json).not.toContain("钴酸锂");
    expect(json).not.toContain("秘密");
    expect(json).not.toContain("配方");
    expect(json).not.toContain("循环寿命");
    expect(json).not.toContain("比亚迪");
    expect(d.organisationId).toBeNull();
    expect(d.region).toBeNull();
    expect(d.collaborationModes).toEqual([]);
    // optional teaser fields only when the owner listed them
    expect(d.trl).toBeNull();
    expect(d.budgetMinCny).toBeNull();
    const shown = needPublicDocument(need({ visibility: "CONFIDENTIAL", teaserFields: ["trlTarget", "budget"] }))!;
    expect(shown.trl).toBe(6);
    expect([shown.budgetMinCny, shown.budgetMaxCny]).toEqual([100000, 500000]);
    expect(shown.chainId).toBe("ev");
    expect(shown.field).toBe("新能源");
  });

  it("BROKER_ONLY: never in the public index, full content in the broker index", () => {
    expect(needPublicDocument(need({ visibility: "BROKER_ONLY" }))).toBeNull();
    const b = needBrokerDocument(need({ visibility: "BROKER_ONLY" }))!;
    expect(b.description).toContain(SECRET);
    expect(b.organisationName).toBe("比亚迪示例公司");
  });

  it("only PUBLISHED / IN_PROGRESS needs are public; drafts are nowhere", () => {
    expect(needPublicDocument(need({ status: "IN_PROGRESS" }))).not.toBeNull();
    for (const status of ["DRAFT", "SUBMITTED", "SOLVED", "CLOSED", "EXPIRED"] as const) {
      expect(needPublicDocument(need({ status }))).toBeNull();
    }
    expect(needBrokerDocument(need({ status: "DRAFT" }))).toBeNull();
    expect(needBrokerDocument(need({ status: "SUBMITTED" }))?.status).toBe("SUBMITTED");
  });
});

describe("result documents", () => {
  const result = (over: Partial<ResultRow> = {}): ResultRow => ({
    id: "r1",
    version: 2,
    title: "Solid-state electrolyte for lithium batteries",
    summary: "A sulfide electrolyte with high ionic conductivity.",
    description: null,
    advantages: "Non-flammable",
    keywords: ["electrolyte"],
    field: "materials",
    lang: "en",
    status: "PUBLISHED",
    trl: 5,
    transferModes: ["LICENCE"],
    chainNodeId: null,
    organisationId: "u1",
    createdAt: new Date("2026-02-01T00:00:00Z"),
    organisation: { name: "Tsinghua Shenzhen", region: "深圳" },
    chainNode: null,
    ...over,
  });

  it("maps a published result with stems in its analysed terms", () => {
    const d = resultDocument(result())!;
    expect(d).toMatchObject({
      id: "r1",
      version: 2,
      kind: "result",
      trl: 5,
      collaborationModes: ["LICENCE"],
      organisationName: "Tsinghua Shenzhen",
      region: "深圳",
    });
    expect(d.titleTerms.split(" ")).toEqual(expect.arrayContaining(["solid", "electrolyt", "lithium", "batteri"]));
    expect(d.terms.split(" ")).toContain("flammabl");
  });

  it("drafts and withdrawn results are not indexed", () => {
    expect(resultDocument(result({ status: "DRAFT" }))).toBeNull();
    expect(resultDocument(result({ status: "WITHDRAWN" }))).toBeNull();
  });
});

describe("inner words (catalogue search finds 电池 inside 锂电池)", () => {
  it("keeps the Chinese words that occur inside a longer word of the same field, once", () => {
    expect(innerWords("锂电池 电池 极片 检测系统 检测 系统 batteri").split(" ").sort()).toEqual(["检测", "电池", "系统"].sort());
    expect(innerWords("电池 极片 batteri")).toBe("");
  });
  it("are part of every document, from its own (visible) fields", () => {
    const d = needPublicDocument(need({ title: "锂电池极片金属异物X射线在线检测系统" }))!;
    expect(d.titleSubwords.split(" ")).toContain("电池");
    const teaserOnly = needPublicDocument(need({ visibility: "CONFIDENTIAL", description: "固态电解质 秘密配方" }))!;
    expect(teaserOnly.textSubwords).not.toContain("电解");
  });
});

describe("highlight segments", () => {
  it("splits Meilisearch's formatted text into plain segments", () => {
    expect(toSegments(`a <b>${PRE}锂${POST} c`)).toEqual([
      { text: "a <b>", match: false },
      { text: "锂", match: true },
      { text: " c", match: false },
    ]);
    expect(toSegments(undefined)).toEqual([]);
  });
});
