import { beforeAll, describe, expect, it } from "vitest";
import { gramCatalogue, gramSearch } from "./gram-catalogue";
import { docGrams, gramScore, gramStats, queryGrams, termDoc } from "./rank";
import { analyze } from "./terms";

beforeAll(() => void analyze("预热"), 60_000);

const doc = (id: string, title: string, body: string) => termDoc(id, analyze(title).join(" "), analyze(body).join(" "));

describe("the character channel over a whole catalogue", () => {
  const docs = [
    doc("dry", "香蕉片真空冷冻干燥工艺", "冷冻干燥能耗与出粉率"),
    doc("cell", "锂离子电池正极材料", "高镍正极的循环寿命"),
    doc("coat", "海洋防腐涂层", "耐盐雾"),
  ];
  const stats = gramStats(docs, 3);
  const cat = gramCatalogue(docs, 3);

  it("finds the document sharing parts of words (冻干 in 冷冻干燥), with gramScore's share", () => {
    const q = queryGrams({ title: "冻干香蕉脆片一锅干太久" });
    const found = gramSearch(q, cat, stats, { k1: 1.6, b: 0.75, limit: 10 });
    expect(found[0]?.id).toBe("dry");
    expect(found[0]!.share).toBeCloseTo(gramScore(q, docGrams(docs[0]!), stats, 1.6, 0.75), 6);
  });

  it("needs a shared bigram, not just a shared character, and keeps to the limit", () => {
    // 片 alone is shared with nothing but 香蕉片; 锂 alone with the battery paper
    const found = gramSearch(queryGrams({ title: "锂片" }), cat, stats, { k1: 1.6, b: 0.75, limit: 10 });
    expect(found).toEqual([]);
    expect(gramSearch(queryGrams({ title: "冷冻干燥 锂离子电池 防腐涂层" }), cat, stats, { k1: 1.6, b: 0.75, limit: 2 })).toHaveLength(2);
  });
});
