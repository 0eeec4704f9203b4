import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { createNeedSchema, updateNeedSchema } from "./schemas";

const valid = { title: "抗磁干扰姿态估计算法", description: "可穿戴设备在强磁环境下航向漂移严重，需要一种融合 IMU 数据的算法。", field: "传感器" };

describe("createNeedSchema", () => {
  it("accepts a minimal need and splits form keywords on Chinese and Latin commas", () => {
    const parsed = parseInput(createNeedSchema, { ...valid, keywords: "姿态估计、IMU, 磁干扰" }, "zh-CN");
    expect(parsed.ok && parsed.data.keywords).toEqual(["姿态估计", "IMU", "磁干扰"]);
    expect(parsed.ok && parsed.data.visibility).toBe("PUBLIC");
  });

  it("names the field and the problem, in the user's language", () => {
    const zh = parseInput(createNeedSchema, { ...valid, budgetMinCny: "500000", budgetMaxCny: "100000", trlTarget: "12" }, "zh-CN");
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.fields.budgetMinCny).toEqual(["预算下限不能高于上限"]);
    expect(zh.fields.trlTarget).toEqual(["技术成熟度须为 1 到 9 之间的整数"]);
    const en = parseInput(createNeedSchema, { ...valid, title: "" }, "en");
    expect(!en.ok && en.fields.title?.[0]).toBe("At least 4 characters");
  });

  it("rejects unknown fields by name", () => {
    const parsed = parseInput(createNeedSchema, { ...valid, organisationId: "someone-else" }, "en");
    expect(!parsed.ok && parsed.fields.organisationId).toEqual(["Unknown field"]);
  });

  it("requires a teaser for a confidential need", () => {
    const parsed = parseInput(createNeedSchema, { ...valid, visibility: "CONFIDENTIAL" }, "en");
    expect(!parsed.ok && parsed.fields.teaser).toEqual(["A confidential need needs a teaser"]);
  });

  it("rejects wrong types with a field error", () => {
    const parsed = parseInput(createNeedSchema, { ...valid, keywords: [1, 2] }, "en");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.fields)).toContain("keywords.0");
  });
});

describe("updateNeedSchema", () => {
  it("refuses an empty patch", () => {
    const parsed = parseInput(updateNeedSchema, {}, "en");
    expect(!parsed.ok && parsed.fields._).toEqual(["Change at least one field"]);
  });
  it("accepts a partial patch", () => {
    const parsed = parseInput(updateNeedSchema, { title: "A better title" }, "en");
    expect(parsed.ok && parsed.data).toEqual({ title: "A better title" });
  });
});
