import { describe, expect, it } from "vitest";
import { buildQueryTerms } from "./rank";
import { englishVariantTerms, englishVariants, splitKnown, translateZhChar, translateZhWord } from "./translate";

describe("character-level translation of words no dictionary knows", () => {
  it("splits a word into its known parts and the characters left over", () => {
    expect(splitKnown("三角翼")).toEqual({ parts: ["三角"], rest: ["翼"] });
    expect(splitKnown("攻角").rest).toEqual(["攻", "角"]);
  });

  it("translates single characters by their dictionary senses, the first weighing most", () => {
    const t = translateZhChar("翼");
    expect(t[0]?.term).toBe("wing");
    expect(t[0]!.weight!).toBeGreaterThan(t[1]?.weight ?? 0);
    expect(translateZhChar("a")).toEqual([]);
    // senses ordered by how the dictionary's words use them: 强 "strong" (强度, 加强), not "stubborn"
    expect(translateZhChar("强")[0]?.term).toBe("strong");
    expect(translateZhChar("波")[0]?.term).toBe("wave");
  });

  it("composes an unknown word's translation from its characters, weighted lower, as concepts", () => {
    const q = buildQueryTerms({ title: "三角翼" });
    const wing = q.find((t) => t.term === "wing");
    const triangle = q.find((t) => t.term === "triangl");
    expect(wing?.translated).toBe(true);
    expect(wing!.weight).toBeLessThan(triangle!.weight);
    expect(wing!.from).toEqual([{ word: "翼", weight: wing!.weight }]);
    expect(wing!.surfaces).toEqual(["三角翼"]);
  });
});

describe("the dictionary extract", () => {
  it("ranks a word's narrow (qualified) senses last", () => {
    expect(translateZhWord("复合")[0]?.term).toBe("complex");
    expect(translateZhWord("迭代")[0]?.term).toBe("iter");
  });
});

describe("word translation options", () => {
  it("uses the number of senses asked for, usual sense first", () => {
    const two = translateZhWord("复合", { senses: 2, informativeIdf: 0 }).map((t) => t.term);
    const three = translateZhWord("复合", { senses: 3, informativeIdf: 0 }).map((t) => t.term);
    expect(two).not.toContain("composit");
    expect(three).toContain("composit");
    expect(three[0]).toBe("complex");
  });

  it("weighs a word common in general Chinese less than a rare one", () => {
    const total = (w: string, informativeIdf: number) => translateZhWord(w, { senses: 3, informativeIdf }).reduce((s, t) => s + (t.weight ?? 1), 0);
    // 起来 is everyday Chinese (jieba idf well below 8); 蠕变 "creep" is not
    expect(total("起来", 8)).toBeLessThan(total("起来", 0) * 0.8);
    expect(total("蠕变", 8)).toBeCloseTo(total("蠕变", 0));
  });
});

describe("derivational variants of English renderings", () => {
  it("links a base form's stem to its derived forms' stems (WordNet)", () => {
    expect(englishVariants("theori")).toContain("theoret"); // theory -> theoretical
    expect(englishVariants("cylind")).toContain("cylindr"); // cylinder -> cylindrical
    expect(englishVariants("no-such-stem")).toEqual([]);
  });

  it("adds a translated rendering's variants to the same Chinese word, at a share of its weight", () => {
    const terms = englishVariantTerms(
      [
        { term: "理论", weight: 1, surfaces: ["理论"], renderings: ["理论"], translated: false },
        { term: "theori", weight: 0.8, surfaces: ["理论"], renderings: ["theory"], translated: true, from: [{ word: "理论", weight: 0.8 }] },
      ],
      0.5,
    );
    const v = terms.find((t) => t.term === "theoret")!;
    expect(v.variant).toBe(true);
    expect(v.weight).toBeCloseTo(0.4);
    expect(v.from).toEqual([{ word: "理论", weight: 0.4 }]);
    // the Chinese word itself has no English variants; share 0 adds nothing
    expect(terms.filter((t) => t.variant).every((t) => t.from?.[0]?.word === "理论")).toBe(true);
    expect(englishVariantTerms(terms.slice(0, 2), 0)).toHaveLength(2);
  });
});
