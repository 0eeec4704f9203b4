import { describe, expect, it } from "vitest";
import { recipientCanAct } from "./recipients";

const now = new Date("2027-06-01T00:00:00Z");
const later = new Date("2027-07-01T00:00:00Z");
const earlier = new Date("2027-05-01T00:00:00Z");

describe("recipientCanAct", () => {
  it("members always; staff only with a live grant for their role", () => {
    expect(recipientCanAct({ role: "RESEARCHER", staffGrants: [] }, now)).toBe(true);
    expect(recipientCanAct({ role: "BROKER", staffGrants: [{ role: "BROKER", validUntil: later }] }, now)).toBe(true);
    expect(recipientCanAct({ role: "ADMIN", staffGrants: [{ role: "ADMIN", validUntil: null }] }, now)).toBe(true);
    expect(recipientCanAct({ role: "BROKER", staffGrants: [{ role: "BROKER", validUntil: earlier }] }, now)).toBe(false);
    expect(recipientCanAct({ role: "BROKER", staffGrants: [] }, now)).toBe(false);
    expect(recipientCanAct({ role: "BROKER", staffGrants: [{ role: "ANALYST", validUntil: null }] }, now)).toBe(false);
  });
});
