import { parseCronItems } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { CRON_ITEMS } from "./schedule";

describe("CRON_ITEMS", () => {
  it("parse, with unique identifiers", () => {
    const parsed = parseCronItems(CRON_ITEMS);
    expect(parsed.map((p) => p.identifier)).toEqual([
      "email-digest-daily",
      "email-digest-weekly",
      "check-saved-searches-hourly",
      "expire-needs-hourly",
      "expire-results-hourly",
      "refresh-monitor",
      "publish-metrics-daily",
      "instrument-bookings-sweep-hourly",
      "challenge-deadlines",
    ]);
  });
  it("send the daily digest every day and the weekly one on Mondays at 08:00 China time", () => {
    const [daily, weekly] = parseCronItems(CRON_ITEMS);
    // Monday 2026-03-02 00:00 UTC = 08:00 in Shanghai; Tuesday the same time.
    const monday = { min: 0, hour: 0, date: 2, month: 3, dow: 1 };
    const tuesday = { ...monday, date: 3, dow: 2 };
    const fires = (item: NonNullable<typeof daily>, d: typeof monday) => item.match(d);
    expect([fires(daily!, monday), fires(daily!, tuesday)]).toEqual([true, true]);
    expect([fires(weekly!, monday), fires(weekly!, tuesday)]).toEqual([true, false]);
    expect(daily!.payload).toEqual({ frequency: "DAILY" });
  });
});
