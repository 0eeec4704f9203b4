import { describe, expect, it } from "vitest";
import { endsWithProductCode, isProductCode, productCodes, withoutProductCodes } from "./product-codes";

describe("product codes", () => {
  it("tells codes, grades, acronyms and model numbers from words", () => {
    for (const code of ["PC/ABS", "ABS", "PC", "UL94", "V-0", "6061-T6", "SUS304", "LiFePO4", "PM2.5", "UHMWPE", "M8"])
      expect(isProductCode(code), code).toBe(true);
    for (const word of ["battery", "Battery", "flame", "X", "X-ray", "absolute", "Abs"]) expect(isProductCode(word), word).toBe(false);
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
