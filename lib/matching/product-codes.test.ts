import { describe, expect, it } from "vitest";
import { endsWithProductCode, isProductCode, productCodes, quoteProductCodes, withoutProductCodes } from "./product-codes";

describe("product codes", () => {
  it("tells codes, grades, acronyms and model numbers from words", () => {
    for (const code of ["PC/ABS", "ABS", "PC", "UL94", "V-0", "6061-T6", "SUS304", "LiFePO4", "PM2.5", "UHMWPE", "M8"])
      expect(isProductCode(code), code).toBe(true);
    for (const word of ["battery", "Battery", "flame", "X", "X-ray", "absolute", "Abs", "pet-friendly"]) expect(isProductCode(word), word).toBe(false);
  });
  it("knows material abbreviations typed in lower case, and grades whatever their case", () => {
    for (const code of ["abs", "pvc", "ptfe", "sus304", "ul94"]) expect(isProductCode(code), code).toBe(true);
    expect(productCodes("abs 阻燃 外壳")).toEqual(["abs"]);
  });
  it("finds the codes of a mixed query and leaves the rest", () => {
    expect(productCodes("PC/ABS 合金 阻燃 UL94 V-0")).toEqual(["PC/ABS", "UL94", "V-0"]);
    expect(withoutProductCodes("PC/ABS flame retardant UL94")).toBe("flame retardant");
    expect(withoutProductCodes("ＰＣ／ＡＢＳ阻燃")).toBe("阻燃");
    expect(productCodes("battery electrode")).toEqual([]);
  });
});

describe("endsWithProductCode", () => {
  it("tells a query ending in a code", () => {
    expect(endsWithProductCode("阻燃 ABS")).toBe(true);
    expect(endsWithProductCode("阻燃PC/ABS ")).toBe(true);
    expect(endsWithProductCode("ABS 阻燃")).toBe(false);
    expect(endsWithProductCode("battery")).toBe(false);
    expect(endsWithProductCode("")).toBe(false);
  });
});

describe("quoteProductCodes", () => {
  it("makes every code a phrase (no prefix or typo match) and leaves words alone", () => {
    expect(quoteProductCodes("abs 阻燃")).toBe('"abs" 阻燃');
    expect(quoteProductCodes("SUS304 不锈钢 板材")).toBe('"SUS304" 不锈钢 板材');
    expect(quoteProductCodes("PC/ABS flame retardant")).toBe('"PC/ABS" flame retardant');
    expect(quoteProductCodes("battery absolute")).toBe("battery absolute");
    expect(quoteProductCodes('"SUS304" steel')).toBe('"SUS304" steel');
    // Meilisearch finds no phrase starting with a digit ("5G", a hex id): those stay words.
    expect(quoteProductCodes("5G 模块 3c1dc564")).toBe("5G 模块 3c1dc564");
  });
});
