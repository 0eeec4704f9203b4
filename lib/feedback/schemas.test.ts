import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { matchFeedbackSchema } from "./schemas";

describe("matchFeedbackSchema", () => {
  it("accepts a useful verdict without a reason", () => {
    const parsed = parseInput(matchFeedbackSchema, { needId: "n", resultId: "r", useful: "yes", reason: "" }, "en");
    expect(parsed).toEqual({ ok: true, data: { needId: "n", resultId: "r", useful: true, reason: undefined } });
  });
  it("requires a reason code for not useful, in the user's language", () => {
    const zh = parseInput(matchFeedbackSchema, { needId: "n", resultId: "r", useful: "no" }, "zh-CN");
    expect(!zh.ok && zh.fields.reason).toEqual(["请选择不合适的原因"]);
    const ok = parseInput(matchFeedbackSchema, { needId: "n", resultId: "r", useful: "no", reason: "TRL_TOO_EARLY" }, "en");
    expect(ok.ok && ok.data).toMatchObject({ useful: false, reason: "TRL_TOO_EARLY" });
  });
  it("rejects unknown reason codes", () => {
    const parsed = parseInput(matchFeedbackSchema, { needId: "n", resultId: "r", useful: "no", reason: "BAD" }, "en");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.fields)).toEqual(["reason"]);
  });
});
