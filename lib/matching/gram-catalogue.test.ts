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

  it("ranks a document sharing several single characters (below words), not one sharing one", () => {
    // 片 is shared only with 香蕉片, 锂 only with the battery paper: one character is a coincidence
    expect(gramSearch(queryGrams({ title: "锂片" }), cat, stats, { k1: 1.6, b: 0.75, limit: 10 })).toEqual([]);
    // 冻, 燥 and 粉 (no bigram: 冻粉 and 燥粉 are not in the paper) are evidence
    const found = gramSearch(queryGrams({ title: "冻 燥 粉" }), cat, stats, { k1: 1.6, b: 0.75, limit: 10 });
    expect(found.map((f) => f.id)).toEqual(["dry"]);
    expect(gramSearch(queryGrams({ title: "冷冻干燥 锂离子电池 防腐涂层" }), cat, stats, { k1: 1.6, b: 0.75, limit: 2 })).toHaveLength(2);
  });

  it("matches Latin words of a Chinese text as whole tokens", () => {
    const led = [doc("led", "石墨烯-ZnO纳米线复合电极在GaN LED中的应用", "电流扩展"), doc("oled", "红色磷光OLED器件", "主体材料"), ...docs];
    const s = gramStats(led, 3);
    const found = gramSearch(queryGrams({ title: "氧化锌、氮化镓LED、透明导电层" }), gramCatalogue(led, 3), s, { k1: 1.6, b: 0.75, limit: 10 });
    expect(found[0]?.id).toBe("led");
  });
});
