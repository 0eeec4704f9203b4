import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { can } from "./index";
import type { DealFacts, NeedFacts } from "./rules";

const actor = (role: Actor["role"], organisationId: string | null, id = `u-${role}-${organisationId}`): Actor => ({
  id,
  role,
  organisationId,
  isOrgAdmin: false,
  email: "x@example.com",
  name: null,
});

const owner = actor("COMPANY", "org-owner");
const otherCompany = actor("COMPANY", "org-other");
const researcher = actor("RESEARCHER", "org-uni", "u-researcher");
const otherResearcher = actor("RESEARCHER", "org-uni", "u-other-researcher");
const broker = actor("BROKER", "org-tto");
const admin = actor("ADMIN", "org-gov");
const deal: DealFacts = { needOrganisationId: "org-owner", researcherId: "u-researcher", brokerId: broker.id };
const need: NeedFacts = { organisationId: "org-owner", visibility: "BROKER_ONLY", status: "PUBLISHED" };

describe("broker and deal rules", () => {
  it("opens the workbench, visits and metrics to staff; triage to admins and the need's broker only", () => {
    for (const a of [broker, admin]) {
      expect([can(a, "broker.workbench"), can(a, "broker.triage", { ...need, brokerId: broker.id }), can(a, "metrics.read")]).toEqual([true, true, true]);
    }
    // Visits (one page, /visits): brokers, who draft needs for the companies they visit.
    expect([broker, admin].map((a) => can(a, "visit.create"))).toEqual([true, false]);
    expect(can(broker, "broker.triage", need)).toBe(false);
    for (const a of [null, owner, researcher]) {
      expect([can(a, "broker.workbench"), can(a, "broker.triage", need), can(a, "visit.create"), can(a, "metrics.read")]).toEqual([false, false, false, false]);
    }
  });

  it("lets only the owning company decide on a broker's edit", () => {
    expect(can(owner, "proposal.decide", need)).toBe(true);
    expect(can(otherCompany, "proposal.decide", need)).toBe(false);
    expect(can(broker, "proposal.decide", need)).toBe(false);
  });

  it("lets the two parties, the deal's broker and admins into a deal, nobody else (not another broker)", () => {
    const otherBroker = actor("BROKER", "org-tto2", "u-broker-2");
    const table = { owner, researcher, broker, admin, otherCompany, otherResearcher, otherBroker, anonymous: null };
    const expected: Record<keyof typeof table, [boolean, boolean, boolean, boolean, boolean]> = {
      owner: [true, true, true, true, false],
      researcher: [true, true, true, true, false],
      broker: [true, false, true, true, true],
      admin: [true, false, true, true, true],
      otherCompany: [false, false, false, false, false],
      otherResearcher: [false, false, false, false, false],
      otherBroker: [false, false, false, false, false],
      anonymous: [false, false, false, false, false],
    };
    for (const [name, a] of Object.entries(table)) {
      const got = [
        can(a, "deal.read", deal),
        can(a, "deal.respond", deal),
        can(a, "deal.advance", deal),
        can(a, "deal.message", deal),
        can(a, "deal.followUp", deal),
      ];
      expect([name, ...got]).toEqual([name, ...expected[name as keyof typeof table]]);
    }
    // After a hand-over the need's new broker runs its deals too.
    expect(can(otherBroker, "deal.read", { ...deal, needBrokerId: otherBroker.id })).toBe(true);
  });
});
