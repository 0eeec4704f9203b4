import { beforeAll, describe, expect, it } from "vitest";
import {
  backgroundShare,
  boundedScore,
  GOOD_MATCH_THRESHOLD,
  hasCalibratedMatches,
  isGoodMatch,
  MAX_PROBABILITY,
  relevanceProbability,
  scorePercent,
} from "./calibrate";
import { buildQueryTerms, cjkGrams, gramChips, gramStats, gramScore, docGrams, queryGrams, termDoc, wordChips, type QueryTerm } from "./rank";
import { analyze } from "./terms";
import { productCodeWords } from "./product-codes";
import { translateZhWord } from "./translate";
import { translateQuery } from "./translate-query";

// Loading jieba and the dictionary extract takes seconds on a busy machine: once, outside the tests.
beforeAll(() => void buildQueryTerms({ title: "warm up 预热" }), 60_000);

describe("evidence rules: words that are never evidence", () => {
  it("drops function words and generic words from a need's query terms", () => {
    const q = buildQueryTerms({ title: "注塑件有时候做不大，低温下开裂", body: "想找高校合作改进工艺，合作方式不限" });
    const own = q.filter((t) => !t.translated).map((t) => t.term);
    for (const noise of ["做", "不", "大", "低", "合作", "工艺", "有时候", "高校合作", "高校", "改进"]) expect(own).not.toContain(noise);
    expect(own).toEqual(expect.arrayContaining(["注塑", "开裂"]));
    // nor are they translated into English evidence
    const tr = q.filter((t) => t.translated).map((t) => t.term);
    expect(tr).not.toContain("cooper");
    expect(tr).not.toContain("craft");
  });

  it("stay on the character channel, where their parts weigh only their own rarity", () => {
    // a key term may be an everyday word (信息 in 信息生态) or begin with one (长 in 长余辉)
    const grams = queryGrams({ title: "信息、生态、长余辉", body: "锂电池" });
    expect([...grams.keys()]).toEqual(expect.arrayContaining(["信息", "长余", "余辉", "锂电", "电池"]));
  });
});

describe("calibrated scores", () => {
  it("map evidence monotonically to a probability, never above the cap", () => {
    for (const channel of ["word", "gram"] as const) {
      for (const background of [0.03, 0.1, undefined]) {
        let prev = 0;
        for (const share of [0.01, 0.05, 0.1, 0.2, 0.4, 0.7, 1]) {
          const p = relevanceProbability(channel, share, background);
          expect(p).toBeGreaterThan(prev);
          expect(p).toBeLessThan(1);
          prev = p;
        }
      }
      expect(relevanceProbability(channel, 0, 0.1)).toBe(0);
    }
    expect(boundedScore(1.38)).toBe(MAX_PROBABILITY);
    expect(scorePercent(1.33)).toBe(95);
    expect(scorePercent(0.424)).toBe(42);
  });

  it("do not make the best candidate 100%: a best match that does not stand out stays weak", () => {
    // a subject whose candidates all score alike (junk on top): low lift, low probability
    const flat = [0.2, 0.19, 0.19, 0.18, 0.18, 0.18, 0.18, 0.17, 0.17, 0.17, 0.17, 0.17, 0.16, 0.16, 0.16, 0.16, 0.16, 0.16, 0.15, 0.15];
    const best = relevanceProbability("gram", flat[0]!, backgroundShare(flat));
    expect(isGoodMatch(best)).toBe(false);
    // a match far above the subject's background is a good one
    const standsOut = [0.6, ...flat.slice(1).map((x) => x / 3)];
    expect(isGoodMatch(relevanceProbability("gram", standsOut[0]!, backgroundShare(standsOut)))).toBe(true);
    expect(backgroundShare([0.5, 0.4])).toBeUndefined();
    expect(GOOD_MATCH_THRESHOLD).toBeGreaterThan(0);
  });

  it("are told apart from stored matches of the old, uncalibrated format", () => {
    const old = { score: 1.33, explanation: { matchedTerms: [{ term: "cathod", words: ["cathodes"], translated: false }] } };
    const now = { score: 0.42, evidence: { channel: "word", share: 0.4 }, explanation: { matchedTerms: [{ needTerm: "cathodes", resultTerm: "cathode" }] } };
    expect(hasCalibratedMatches([old])).toBe(false);
    expect(hasCalibratedMatches([now])).toBe(true);
    expect(hasCalibratedMatches([])).toBe(true);
  });

  it("measure the character channel as a share of the ceiling (0..1)", () => {
    const doc = termDoc("d", analyze("真空冷冻干燥香蕉片").join(" "), analyze("香蕉片的冻干工艺与能耗").join(" "));
    const stats = gramStats([doc, termDoc("e", analyze("锂离子电池正极").join(" "), "")], 3);
    const q = queryGrams({ title: "冻干香蕉脆片" });
    const s = gramScore(q, docGrams(doc), stats);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(gramScore(q, docGrams(termDoc("e", analyze("锂离子电池正极").join(" "), "")), stats)).toBe(0);
  });
});

describe("readable explanations", () => {
  it("word chips show the words as written, not stems", () => {
    const terms = new Map<string, QueryTerm>([
      ["cathod", { term: "cathod", weight: 1, surfaces: ["cathodes"], renderings: ["cathodes"], translated: false }],
      ["temperatur", { term: "temperatur", weight: 0.8, surfaces: ["温度"], renderings: ["temperature"], translated: true }],
    ]);
    const chips = wordChips(["cathod", "temperatur"], terms, "A cathode for high temperature cells");
    expect(chips).toEqual([
      { subject: "cathodes", doc: "cathode" },
      { subject: "温度", doc: "temperature" },
    ]);
  });

  it("character chips pair whole words, never fragments", () => {
    const docTokens = analyze("柔性压力传感器的制备");
    const stats = gramStats([termDoc("d", docTokens.join(" "), "")], 3);
    const chips = gramChips(["传感", "感器", "传感器", "压力"], docTokens, stats);
    const needWords = chips.map((c) => c.subject);
    expect(needWords).toContain("传感器");
    expect(needWords).not.toContain("传感");
    for (const c of chips) expect(docTokens).toContain(c.doc);
    expect(chips.map((c) => c.subject + c.doc).join("")).not.toContain("传感感器");
  });

  it("the character channel counts characters and bigrams of whole words once", () => {
    // search mode yields 冷冻, 干燥 before 冷冻干燥: only the longer word is counted
    expect(cjkGrams(["冷冻", "干燥", "冷冻干燥"])).toEqual(["冷", "冷冻", "冻", "冻干", "干", "干燥", "燥"]);
    // consecutive words also give the bigram across their boundary (香蕉|脆片 -> 蕉脆)
    expect(cjkGrams(["香蕉", "脆片"])).toEqual(["香", "香蕉", "蕉", "蕉脆", "脆", "脆片", "片"]);
    // a Latin word (an English stem, a formula) is one token, and no bigram spans it
    expect(cjkGrams(["zno", "纳米", "gan", "led"])).toEqual(["zno", "纳", "纳米", "米", "gan", "led"]);
  });
});

describe("product codes are never translated", () => {
  it("recognises codes, grades, abbreviations and model numbers", () => {
    const words = productCodeWords("PC/ABS 合金, ABS 阻燃, PA66-GF30, X7R 电容, LiFePO4, plain words");
    for (const w of ["pc", "abs", "pa66", "gf30", "x7r", "lifepo4"]) expect(words.has(w)).toBe(true);
    expect(words.has("plain")).toBe(false);
  });

  it("keeps them out of the dictionary translation (PC/ABS is not 个人电脑 安倍)", () => {
    const q = translateQuery("PC/ABS flame retardant");
    expect(q).not.toMatch(/个人电脑|安倍|亚伯/);
    const terms = buildQueryTerms({ title: "PC/ABS alloy housing", body: "ABS grade" });
    const zh = terms.filter((t) => t.translated).map((t) => t.term);
    expect(zh.join(" ")).not.toMatch(/个人电脑|安倍|亚伯|绝对/);
    // the code itself stays a query term, as written
    expect(terms.some((t) => !t.translated && t.surfaces.includes("abs"))).toBe(true);
  });

  it("translates a Chinese word by its senses, the usual one weighing most", () => {
    const tr = translateZhWord("复合");
    expect(tr[0]!.term).toBe("complex");
    expect(tr[0]!.weight!).toBeGreaterThan(tr[tr.length - 1]!.weight!);
    expect(tr.every((t) => t.rendering && !/\s/.test(t.rendering))).toBe(true);
  });
});
