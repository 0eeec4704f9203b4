import { describe, expect, it } from "vitest";
import type { Visibility } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { presentDeal, type DealRowForView } from "./present-deal";

const actor = (id: string, role: Actor["role"], organisationId: string): Actor => ({
  id,
  role,
  organisationId,
  isOrgAdmin: false,
  email: `${id}@x.test`,
  name: id,
});
const researcher = actor("res", "RESEARCHER", "uni");
const owner = actor("own", "COMPANY", "acme");
const broker = actor("bro", "BROKER", "tto");
const now = new Date("2026-11-10T00:00:00Z");

const row = (visibility: Visibility, accepted: { company?: boolean; researcher?: boolean } = {}): DealRowForView => ({
  id: "d1",
  state: "SUGGESTED",
  version: 1,
  researcherId: "res",
  brokerId: "bro",
  respondBy: new Date("2026-11-08T00:00:00Z"),
  companyAcceptedAt: accepted.company ? now : null,
  researcherAcceptedAt: accepted.researcher ? now : null,
  declineReason: null,
  createdAt: now,
  need: {
    id: "n1",
    title: "SECRET-TITLE",
    teaser: "teaser text",
    description: "SECRET-DESCRIPTION",
    visibility,
    organisationId: "acme",
    organisation: { name: "ACME-NAME" },
  },
  researcher: { id: "res", name: "Dr Li", email: "li@x.test", organisation: { name: "Uni" } },
  result: { id: "r1", title: "Result" },
  broker: { name: "Broker" },
  contract: null,
});

describe("presentDeal", () => {
  const expected: Record<Visibility, { title: string | null; description: string | null; teaser: string | null; company: string | null }> = {
    PUBLIC: { title: "SECRET-TITLE", description: "SECRET-DESCRIPTION", teaser: null, company: "ACME-NAME" },
    ANONYMOUS: { title: "SECRET-TITLE", description: "SECRET-DESCRIPTION", teaser: null, company: null },
    CONFIDENTIAL: { title: "SECRET-TITLE", description: null, teaser: "teaser text", company: null },
    BROKER_ONLY: { title: null, description: null, teaser: null, company: null },
  };
  for (const [visibility, want] of Object.entries(expected) as [Visibility, (typeof expected)[Visibility]][]) {
    it(`shows a researcher only what a ${visibility} need allows before both accept`, () => {
      for (const accepted of [{}, { company: true }, { researcher: true }]) {
        const view = presentDeal(researcher, row(visibility, accepted), now);
        expect({ title: view.need.title, description: view.need.description, teaser: view.need.teaser, company: view.company?.name ?? null }).toEqual(want);
      }
    });
  }

  it("reveals everything to the researcher once both sides accept", () => {
    const view = presentDeal(researcher, row("BROKER_ONLY", { company: true, researcher: true }), now);
    expect(view).toMatchObject({ revealed: true, company: { name: "ACME-NAME" }, need: { title: "SECRET-TITLE", description: "SECRET-DESCRIPTION" } });
  });

  it("shows the owner and the broker the whole need, and who still has to answer", () => {
    expect(presentDeal(owner, row("BROKER_ONLY"), now)).toMatchObject({
      side: "company",
      awaitingMyAnswer: true,
      company: { name: "ACME-NAME" },
      need: { description: "SECRET-DESCRIPTION" },
    });
    expect(presentDeal(owner, row("BROKER_ONLY", { company: true }), now).awaitingMyAnswer).toBe(false);
    expect(presentDeal(broker, row("CONFIDENTIAL"), now)).toMatchObject({ side: "staff", awaitingMyAnswer: false, lapsed: true, moves: ["STALLED"] });
  });
});
