import { describe, expect, it } from "vitest";
import { visibleMatchTerms } from "./visible-terms";

const chip = (needTerm: string, resultTerm = needTerm) => ({ needTerm, resultTerm });

describe("visibleMatchTerms", () => {
  const teaser = { access: "teaser" as const, title: "动力电池正极材料合作", teaser: "寻找电池材料方向的合作伙伴", field: "新能源" };

  it("drops chips found only in text the viewer may not read (figures, units of the hidden description)", () => {
    const chips = [chip("正极"), chip("82"), chip("mah"), chip("电池", "battery")];
    expect(visibleMatchTerms(teaser)(chips).map((c) => c.needTerm)).toEqual(["正极", "电池"]);
  });

  it("keeps every chip for a viewer with full access", () => {
    const chips = [chip("82"), chip("mah")];
    expect(visibleMatchTerms({ ...teaser, access: "full" })(chips)).toEqual(chips);
  });

  it("matches English words as written, whatever their case, against the visible English text", () => {
    const need = { access: "teaser" as const, title: "Cathode coatings for Batteries", teaser: null };
    expect(visibleMatchTerms(need)([chip("batteries", "battery"), chip("electrolyte")]).map((c) => c.needTerm)).toEqual(["batteries"]);
  });

  it("never keeps an empty word", () => {
    expect(visibleMatchTerms(teaser)([chip(" ")])).toEqual([]);
  });
});
