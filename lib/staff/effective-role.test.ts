import { describe, expect, it } from "vitest";
import { liveGrantWhere, toActor, type ActorUserRow } from "./effective-role";
import { memberRoleFits } from "./roles";

const row = (role: ActorUserRow["role"], grants: ActorUserRow["role"][]): ActorUserRow => ({
  id: "u1",
  role,
  organisationId: "o1",
  isOrgAdmin: false,
  email: "u@example.cn",
  name: "U",
  staffGrants: grants.map((r) => ({ role: r })),
});

describe("toActor", () => {
  it("keeps member roles without any grant", () => {
    expect(toActor(row("COMPANY", []))?.role).toBe("COMPANY");
    expect(toActor(row("RESEARCHER", []))?.role).toBe("RESEARCHER");
  });
  it("lets a staff role act only with a live grant for that very role", () => {
    expect(toActor(row("BROKER", ["BROKER"]))?.role).toBe("BROKER");
    expect(toActor(row("ADMIN", ["ADMIN"]))?.role).toBe("ADMIN");
    expect(toActor(row("ANALYST", ["ANALYST"]))?.role).toBe("ANALYST");
    expect(toActor(row("BROKER", []))).toBeNull();
    expect(toActor(row("ADMIN", ["BROKER"]))).toBeNull();
    expect(toActor(null)).toBeNull();
  });
  it("never leaks the grants into the actor", () => {
    expect(toActor(row("BROKER", ["BROKER"]))).not.toHaveProperty("staffGrants");
  });
});

describe("liveGrantWhere", () => {
  it("asks for unrevoked grants without an expiry or expiring after now", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(liveGrantWhere(now)).toEqual({ revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] });
  });
});

describe("memberRoleFits", () => {
  it("fits companies to company members, universities and TTOs to researchers, government to none", () => {
    expect(memberRoleFits("COMPANY", "COMPANY")).toBe(true);
    expect(memberRoleFits("COMPANY", "RESEARCHER")).toBe(false);
    expect(memberRoleFits("UNIVERSITY", "RESEARCHER")).toBe(true);
    expect(memberRoleFits("TTO", "RESEARCHER")).toBe(true);
    expect(memberRoleFits("TTO", "BROKER")).toBe(false);
    for (const role of ["COMPANY", "RESEARCHER", "BROKER", "ADMIN", "ANALYST"] as const) expect(memberRoleFits("GOVERNMENT", role)).toBe(false);
    for (const kind of ["COMPANY", "UNIVERSITY", "TTO", "GOVERNMENT"] as const)
      for (const role of ["BROKER", "ADMIN", "ANALYST"] as const) expect(memberRoleFits(kind, role)).toBe(false);
  });
});
