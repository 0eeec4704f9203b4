import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { contractSchema, respondSchema, transitionSchema } from "./schemas";

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
});
