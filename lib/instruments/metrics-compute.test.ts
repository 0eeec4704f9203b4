import { describe, expect, it } from "vitest";
import { computeSharingMetrics, median, type MetricBooking } from "./metrics-compute";
import { hoursAvailable, quoteFee, tierFor, withinOpeningHours } from "./schedule";

const at = (iso: string) => new Date(iso);
const weekdays = { openDays: [1, 2, 3, 4, 5], opensAt: "09:00", closesAt: "18:00" };

describe("opening hours (China time)", () => {
  it("counts 9 hours per weekday and none at weekends", () => {
    // Mon 2026-12-07 00:00 +08 .. Mon 2026-12-14 00:00 +08: five weekdays.
    expect(hoursAvailable(weekdays, [], at("2026-12-06T16:00:00Z"), at("2026-12-13T16:00:00Z"))).toBe(45);
  });
  it("subtracts maintenance closures once even when they overlap", () => {
    const closures = [
      { startsAt: at("2026-12-07T01:00:00Z"), endsAt: at("2026-12-07T05:00:00Z") }, // Mon 09:00-13:00
      { startsAt: at("2026-12-07T03:00:00Z"), endsAt: at("2026-12-07T06:00:00Z") }, // Mon 11:00-14:00
      { startsAt: at("2026-12-12T00:00:00Z"), endsAt: at("2026-12-13T00:00:00Z") }, // Saturday: closed anyway
    ];
    expect(hoursAvailable(weekdays, closures, at("2026-12-06T16:00:00Z"), at("2026-12-13T16:00:00Z"))).toBe(40);
  });
  it("clips the window to the period", () => {
    expect(hoursAvailable(weekdays, [], at("2026-12-07T06:00:00Z"), at("2026-12-07T08:30:00Z"))).toBe(2.5);
  });
  it("accepts slots inside one day's window only", () => {
    expect(withinOpeningHours(weekdays, { startsAt: at("2026-12-07T01:00:00Z"), endsAt: at("2026-12-07T03:00:00Z") })).toBe(true);
    expect(withinOpeningHours(weekdays, { startsAt: at("2026-12-07T00:30:00Z"), endsAt: at("2026-12-07T03:00:00Z") })).toBe(false); // 08:30
    expect(withinOpeningHours(weekdays, { startsAt: at("2026-12-12T01:00:00Z"), endsAt: at("2026-12-12T03:00:00Z") })).toBe(false); // Saturday
  });
});

describe("prices", () => {
  const pricing = {
    organisationId: "uni",
    priceUnit: "HOUR" as const,
    priceInternal: 100,
    pricePartner: 200,
    priceExternal: 300,
  };
  it("charges members, partners and others their own price", () => {
    expect(tierFor(pricing, "uni", ["p"])).toBe("INTERNAL");
    expect(tierFor(pricing, "p", ["p"])).toBe("PARTNER");
    expect(tierFor(pricing, "x", ["p"])).toBe("EXTERNAL");
    expect(tierFor(pricing, null, ["p"])).toBe("EXTERNAL");
    const slot = { startsAt: at("2026-12-07T01:00:00Z"), endsAt: at("2026-12-07T03:30:00Z") };
    expect(quoteFee(pricing, "EXTERNAL", slot, null)).toBe(750);
    expect(quoteFee({ ...pricing, priceUnit: "SAMPLE" }, "PARTNER", slot, 3)).toBe(600);
  });
});

describe("sharing metrics against a hand-computed fixture", () => {
  const b = (over: Partial<MetricBooking>): MetricBooking => ({
    tier: "EXTERNAL",
    organisationId: "c1",
    bookerId: "u",
    hoursUsed: null,
    used: false,
    createdAt: at("2026-12-01T00:00:00Z"),
    approvedAt: null,
    rating: null,
    ...over,
  });
  it("computes hours, rate, organisations served, median approval time and satisfaction", () => {
    const rows = [
      b({ tier: "INTERNAL", organisationId: "uni", used: true, hoursUsed: 6, approvedAt: at("2026-12-01T02:00:00Z"), rating: 4 }),
      b({ tier: "EXTERNAL", organisationId: "c1", used: true, hoursUsed: 3, approvedAt: at("2026-12-01T10:00:00Z"), rating: 5 }),
      b({ tier: "PARTNER", organisationId: "c2", used: true, hoursUsed: 1, approvedAt: at("2026-12-02T00:00:00Z") }),
      b({ tier: "EXTERNAL", organisationId: "c1", used: false, hoursUsed: null, approvedAt: at("2026-12-01T04:00:00Z") }),
      b({ tier: "EXTERNAL", organisationId: "c3" }), // requested only
    ];
    // used: internal 6, external 3 + 1 = 4 -> rate 4 / 10; approvals after 2, 10, 24, 4 h -> median (4 + 10) / 2 = 7.
    expect(computeSharingMetrics(rows, 40)).toEqual({
      hoursAvailable: 40,
      hoursUsedInternal: 6,
      hoursUsedExternal: 4,
      externalSharingRate: 0.4,
      utilisation: 0.25,
      externalOrganisationsServed: 2,
      bookings: 5,
      medianHoursToApproval: 7,
      averageRating: 4.5,
      ratings: 2,
    });
  });
  it("reports no rate when nothing was used", () => {
    expect(computeSharingMetrics([], 0)).toMatchObject({ externalSharingRate: null, utilisation: null, medianHoursToApproval: null, averageRating: null });
    expect(median([3, 1, 2])).toBe(2);
  });
});
