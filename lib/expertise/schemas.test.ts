import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { expertiseSchema } from "./schemas";

describe("expertiseSchema", () => {
  it("splits form lists on Chinese and Latin separators and treats a blank text as absent", () => {
    const parsed = parseInput(expertiseSchema, { fields: "惯性导航、传感器融合", methods: "Kalman filter, SLAM", equipment: "", pastProjects: "" }, "zh-CN");
    expect(parsed).toEqual({
      ok: true,
      data: { fields: ["惯性导航", "传感器融合"], methods: ["Kalman filter", "SLAM"], equipment: [], pastProjects: undefined },
    });
  });
  it("names the list with an over-long entry", () => {
    const parsed = parseInput(expertiseSchema, { fields: "x".repeat(41) }, "en");
    expect(!parsed.ok && Object.keys(parsed.fields)).toEqual(["fields.0"]);
  });
});
