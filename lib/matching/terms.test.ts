import { describe, expect, it } from "vitest";
import { porterStem } from "./stem";
import { analyze, chineseWords, detectLang, englishWords } from "./terms";

describe("term extraction", () => {
  it("Porter-stems English and drops stop words and request phrasing", () => {
    expect(porterStem("conduction")).toBe("conduct");
    expect(porterStem("heated")).toBe("heat");
    expect(porterStem("slabs")).toBe("slab");
    expect(porterStem("generalizations")).toBe("gener");
    const words = englishWords("What problems of heat conduction in composite slabs have been solved so far?").map((w) => w.stem);
    expect(words).toEqual(["heat", "conduct", "composit", "slab"]);
    expect(words).not.toContain("what");
    expect(words).not.toContain("problem");
  });

  it("segments Chinese with jieba (search mode) and drops function words / need boilerplate", () => {
    const words = chineseWords("我们公司需要一种高能量密度的锂离子电池正极材料");
    expect(words).toEqual(expect.arrayContaining(["锂离子", "电池", "正极", "材料", "密度"]));
    expect(words).not.toContain("我们");
    expect(words).not.toContain("需要");
    expect(words).not.toContain("的");
  });

  it("analyses mixed text and detects the language", () => {
    const terms = analyze("基于Lyapunov函数的控制器设计");
    expect(terms).toContain("lyapunov");
    expect(terms).toContain("函数");
    expect(detectLang("锂离子电池正极材料")).toBe("zh");
    expect(detectLang("boundary layer transition")).toBe("en");
  });
});
