import { describe, expect, it } from "vitest";
import { canMoveContact } from "./transitions";

describe("contact request transitions", () => {
  it("moves a pending request once; a decided or expired one never again", () => {
    expect(["ACCEPTED", "DECLINED", "EXPIRED"].map((to) => canMoveContact("PENDING", to as "ACCEPTED"))).toEqual([true, true, true]);
    for (const from of ["ACCEPTED", "DECLINED", "EXPIRED"] as const)
      for (const to of ["PENDING", "ACCEPTED", "DECLINED", "EXPIRED"] as const) expect(canMoveContact(from, to)).toBe(false);
  });
});
