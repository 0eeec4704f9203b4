import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { contractSchema, isNotFutureDay, respondSchema, transitionSchema } from "./schemas";

describe("deal schemas", () => {
  it("requires a version on every change", () => {
    expect(parseInput(transitionSchema, { to: "NDA_SIGNED" }, "en").ok).toBe(false);
    expect(parseInput(transitionSchema, { to: "NDA_SIGNED", version: "3" }, "en")).toEqual({ ok: true, data: { to: "NDA_SIGNED", version: 3 } });
  });

  it("rejects unknown states and reasons", () => {
    const r = parseInput(transitionSchema, { to: "WON", version: 1 }, "en");
    expect(r.ok ? null : Object.keys(r.fields)).toEqual(["to"]);
    expect(parseInput(respondSchema, { decision: "decline", reason: "BORED", version: 1 }, "en").ok).toBe(false);
  });

  it("validates a contract: type, value, registration number, date, milestones", () => {
    const ok = parseInput(
      contractSchema,
      {
        mode: "LICENCE",
        valueCny: "1200000",
        contractRegistrationNo: "2026440300012345",
        signedAt: "2026-12-01",
        milestones: [{ title: "首付款", amountCny: 300000, dueAt: "2027-01-15" }],
        version: 4,
      },
      "zh-CN",
    );
    expect(ok.ok).toBe(true);
    const bad = parseInput(contractSchema, { mode: "CONSULTING", valueCny: -1, contractRegistrationNo: "", signedAt: "yesterday", version: 4 }, "zh-CN");
    expect(bad.ok ? [] : Object.keys(bad.fields).sort()).toEqual(["contractRegistrationNo", "mode", "signedAt", "valueCny"]);
  });

  it("refuses a contract signed, or a milestone paid, on a day that has not come yet (China time)", () => {
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const base = { mode: "LICENCE", valueCny: 1, contractRegistrationNo: "2026440300012345", version: 1 };
    const signed = parseInput(contractSchema, { ...base, signedAt: tomorrow }, "en");
    expect(signed.ok ? null : signed.fields).toEqual({ signedAt: ["The signing date must not be in the future"] });
    const paid = parseInput(contractSchema, { ...base, signedAt: "2026-01-05", milestones: [{ title: "首付款", paidAt: tomorrow }] }, "zh-CN");
    expect(paid.ok ? null : paid.fields).toEqual({ "milestones.0.paidAt": ["付款日期不能晚于今天"] });
  });

  it("counts a day as begun once it has begun in China (UTC+8)", () => {
    const lateEveningUtc = new Date("2026-12-05T17:00:00Z"); // 01:00 on 6 December in Shenzhen
    expect(isNotFutureDay("2026-12-06", lateEveningUtc)).toBe(true);
    expect(isNotFutureDay("2026-12-07", lateEveningUtc)).toBe(false);
    expect(isNotFutureDay("2026-12-05", new Date("2026-12-05T00:00:00Z"))).toBe(true);
  });
});
