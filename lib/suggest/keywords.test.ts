import { describe, expect, it } from "vitest";
import { suggestKeywords } from "./keywords";
import { suggestChainNodes } from "./chain-nodes";
import terms from "@/prisma/data/taxonomy-terms.json" with { type: "json" };
import { chainNodeIds } from "@/prisma/data/taxonomy";

const ZH =
  "我们是一家智能手环厂商，产品在地铁和电梯等强磁环境下航向漂移严重，已尝试传统互补滤波，效果不理想。希望获得能识别磁干扰并保持航向误差小于3度的姿态估计算法，功耗要低。";
const EN =
  "Our wrist-worn fitness tracker loses heading accuracy near magnetic disturbances such as subway trains. We tried a complementary filter on the IMU data but heading error exceeds 10 degrees. We need attitude estimation robust to magnetic interference, with heading error below 3 degrees and low power consumption.";

describe("suggestKeywords", () => {
  it("finds Chinese compounds the dictionary does not hold", () => {
    const got = suggestKeywords(ZH);
    expect(got).toEqual(expect.arrayContaining(["姿态估计", "磁干扰", "智能手环", "航向漂移"]));
    expect(got.length).toBeLessThanOrEqual(8);
    // Function words and generic words are never suggested.
    for (const w of ["我们", "效果", "希望", "小于", "一家"]) expect(got).not.toContain(w);
  });

  it("never suggests what the matcher never takes as evidence (a manager's plain words)", () => {
    const got = suggestKeywords("我们厂做注塑件，有时候外壳表面有缩痕，想找高校合作改进工艺，合作改进以后良品率要高一点，成本低一点。注塑件缩痕是大问题。");
    expect(got.length).toBeGreaterThan(0);
    for (const w of ["有时候", "高校合作", "合作改进", "合作", "工艺", "做", "大", "低", "不"]) expect(got).not.toContain(w);
    for (const k of got) expect(k, k).not.toMatch(/^(合作|高校|有时候|工艺)|(合作|改进|工艺)$/);
    expect(got).toContain("注塑件");
  });

  it("finds English phrases and keeps acronyms upper-case", () => {
    const got = suggestKeywords(EN);
    expect(got).toEqual(expect.arrayContaining(["attitude estimation", "complementary filter", "heading error", "power consumption"]));
    expect(got.some((k) => k.startsWith("IMU"))).toBe(true);
    for (const w of ["our", "we", "need", "the", "with"]) expect(got).not.toContain(w);
  });

  it("handles mixed text and hyphenated terms", () => {
    const got = suggestKeywords("储能电池在低温下充电缓慢，需要 solid-state electrolyte 实现快充");
    expect(got).toContain("solid-state electrolyte");
    expect(got).toContain("储能电池");
  });

  it("leaves out what the user already accepted and words inside a chosen compound", () => {
    const got = suggestKeywords(ZH, ["姿态估计", "IMU"]);
    expect(got).not.toContain("姿态估计");
    expect(got).not.toContain("姿态");
    expect(got).not.toContain("手环"); // inside 智能手环
  });

  it("skips codes and ids but keeps acronyms", () => {
    const got = suggestKeywords("run abc123 of the 5G IMU module, build v2");
    expect(got).not.toContain("abc123");
    expect(got).not.toContain("v2");
    expect(got.join(" ")).toContain("IMU");
  });

  it("returns nothing for empty or stop-word-only text", () => {
    expect(suggestKeywords("")).toEqual([]);
    expect(suggestKeywords("我们的 and the of")).toEqual([]);
  });
});

describe("suggestChainNodes", () => {
  it("tags a Chinese wearables need with sensor fusion and smart wearables", () => {
    expect(
      suggestChainNodes(ZH)
        .map((n) => n.id)
        .slice(0, 2),
    ).toEqual(["sensor.fusion", "terminal.wearables"]);
  });
  it("tags an English text the same way and says why", () => {
    const [first, second] = suggestChainNodes(EN);
    expect(first?.id).toBe("sensor.fusion");
    expect(first?.matched).toEqual(expect.arrayContaining(["attitude estimation", "magnetic interference"]));
    expect(second?.id).toBe("terminal.wearables");
  });
  it("matches Latin terms as whole words only", () => {
    // "ai" inside "maintain" must not tag the AI node.
    expect(suggestChainNodes("We maintain our own plant").map((n) => n.id)).not.toContain("software.ai");
  });
  it("only lists node ids that exist in the taxonomy", () => {
    for (const id of Object.keys(terms.terms)) expect(chainNodeIds.has(id), id).toBe(true);
  });
});
