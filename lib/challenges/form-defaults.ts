// Defaults the challenge forms start with (dates as YYYY-MM-DD). Pure apart from reading the clock.
const DAY = 86_400_000;

export function isoDay(daysFromNow: number, now = Date.now()): string {
  return new Date(now + daysFromNow * DAY).toISOString().slice(0, 10);
}

/** The application form's milestone plan: one line per milestone of the sponsor's split. */
export function planTemplate(
  c: { milestoneSplit: { title: string; percent: number }[]; durationMonths: number; bountyTotalCny: number },
  deliverables: string,
  now = Date.now(),
): string {
  const n = c.milestoneSplit.length || 1;
  return c.milestoneSplit
    .map(
      (m, i) =>
        `${m.title} | ${deliverables} | ${isoDay(Math.round(((i + 1) * c.durationMonths * 30) / n), now)} | ${Math.round((c.bountyTotalCny * m.percent) / 100)}`,
    )
    .join("\n");
}
