import { describe, expect, it } from "vitest";
import { availableActions, nextStatus, reconfirmDeadline } from "./lifecycle";

describe("need lifecycle", () => {
  it("moves a need from draft to solved", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "publish")).toBe("PUBLISHED");
    expect(nextStatus("DRAFT", "publish")).toBe("PUBLISHED");
    expect(nextStatus("PUBLISHED", "start")).toBe("IN_PROGRESS");
    expect(nextStatus("IN_PROGRESS", "solve")).toBe("SOLVED");
  });
  it("refuses transitions that skip or reverse the flow", () => {
    expect(nextStatus("SOLVED", "publish")).toBeNull();
    expect(nextStatus("CLOSED", "reconfirm")).toBeNull();
    expect(nextStatus("DRAFT", "start")).toBeNull();
    expect(nextStatus("DRAFT", "reconfirm")).toBeNull();
  });
  it("re-confirming revives an expired need and keeps a live one as it is", () => {
    expect(nextStatus("EXPIRED", "reconfirm")).toBe("PUBLISHED");
    expect(nextStatus("IN_PROGRESS", "reconfirm")).toBe("IN_PROGRESS");
  });
  it("lists the owner's buttons per status", () => {
    expect(availableActions("PUBLISHED")).toEqual(["start", "solve", "withdraw", "reconfirm"]);
    expect(availableActions("CLOSED")).toEqual([]);
  });
  it("gives 90 days to re-confirm", () => {
    expect(reconfirmDeadline(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});
