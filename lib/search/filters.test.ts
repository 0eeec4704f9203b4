import { describe, expect, it } from "vitest";
import { buildFilters, eq, FilterValueError, oneOf, quote, trlBound } from "./filters";

describe("filter building", () => {
  it("quotes and escapes values", () => {
    expect(quote("abc")).toBe('"abc"');
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote("a\\")).toBe('"a\\\\"');
    expect(() => quote("a\nb")).toThrow(FilterValueError);
  });

  it("rejects injection attempts instead of building them into the expression", () => {
    expect(() => eq("chainId", 'x" OR visibility = "PUBLIC')).toThrow(FilterValueError);
    expect(() => eq("field", 'x" OR visibility = "BROKER_ONLY')).toThrow(FilterValueError);
    expect(() => eq("region", "深圳) OR (visibility = BROKER_ONLY")).toThrow(FilterValueError);
    expect(() => eq("lang", "zh OR 1=1")).toThrow(FilterValueError);
    expect(() => oneOf("collaborationModes", ["LICENCE", 'EQUITY"] OR status = "DRAFT'])).toThrow(FilterValueError);
    expect(() => trlBound(">=", Number("3 OR 1"))).toThrow(FilterValueError);
    expect(() => trlBound(">=", 11)).toThrow(FilterValueError);
  });

  it("even an accepted value cannot close the quotes", () => {
    // quote() is the only way values enter an expression: a quote inside is escaped
    expect(quote('x" OR visibility = "PUBLIC')).toBe('"x\\" OR visibility = \\"PUBLIC"');
  });

  it("builds the AND-list for catalogue filters, Chinese values included", () => {
    expect(buildFilters({ chainId: "ev", field: "新能源 材料", trlMin: 3, trlMax: 7, lang: "en", collaborationModes: ["LICENCE", "EQUITY"] })).toEqual([
      'chainId = "ev"',
      'field = "新能源 材料"',
      'lang = "en"',
      "trl >= 3",
      "trl <= 7",
      'collaborationModes IN ["LICENCE", "EQUITY"]',
    ]);
    expect(buildFilters(undefined)).toEqual([]);
  });
});
