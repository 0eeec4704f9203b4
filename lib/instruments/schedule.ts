// Opening hours, closures, price tiers and fees (pure). Times are China time (UTC+8, no daylight
// saving): an instrument opens "09:00"-"18:00" on ISO weekdays `openDays` (1 = Monday).
import type { PriceTier, PriceUnit } from "@/lib/generated/prisma/enums";

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type OpeningHours = { openDays: number[]; opensAt: string; closesAt: string };
export type Range = { startsAt: Date; endsAt: Date };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Midnight (China time) of the day `at` falls on, as a UTC instant. */
export function chinaDayStart(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a China-time day start. */
function isoWeekday(dayStart: number): number {
  const d = new Date(dayStart + OFFSET_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The opening window of the China day starting at `dayStart`, or null on a closed day. */
export function openingWindow(hours: OpeningHours, dayStart: number): Range | null {
  if (!hours.openDays.includes(isoWeekday(dayStart))) return null;
  const from = dayStart + minutesOf(hours.opensAt) * 60_000;
  const to = dayStart + minutesOf(hours.closesAt) * 60_000;
  return to > from ? { startsAt: new Date(from), endsAt: new Date(to) } : null;
}

/** Does the slot lie within one day's opening hours? */
export function withinOpeningHours(hours: OpeningHours, slot: Range): boolean {
  const window = openingWindow(hours, chinaDayStart(slot.startsAt));
  return !!window && slot.startsAt >= window.startsAt && slot.endsAt <= window.endsAt;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

function overlapMs(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.endsAt.getTime(), b.endsAt.getTime()) - Math.max(a.startsAt.getTime(), b.startsAt.getTime()));
}

/**
 * Hours the instrument is open for booking within [from, to): its opening windows minus its
 * maintenance closures (closures may overlap each other: each hour counts once).
 */
export function hoursAvailable(hours: OpeningHours, closures: readonly Range[], from: Date, to: Date): number {
  let ms = 0;
  for (let day = chinaDayStart(from); day < to.getTime(); day += DAY_MS) {
    const window = openingWindow(hours, day);
    if (!window) continue;
    const open: Range = {
      startsAt: new Date(Math.max(window.startsAt.getTime(), from.getTime())),
      endsAt: new Date(Math.min(window.endsAt.getTime(), to.getTime())),
    };
    if (open.endsAt <= open.startsAt) continue;
    ms += open.endsAt.getTime() - open.startsAt.getTime() - closedMs(open, closures);
  }
  return Math.round((ms / HOUR_MS) * 100) / 100;
}

/** Milliseconds of `range` covered by the union of `closures`. */
function closedMs(range: Range, closures: readonly Range[]): number {
  const parts = closures
    .map((c) => ({ s: Math.max(c.startsAt.getTime(), range.startsAt.getTime()), e: Math.min(c.endsAt.getTime(), range.endsAt.getTime()) }))
    .filter((p) => p.e > p.s)
    .sort((a, b) => a.s - b.s);
  let total = 0;
  let end = -Infinity;
  for (const p of parts) {
    if (p.s > end) {
      total += p.e - p.s;
      end = p.e;
    } else if (p.e > end) {
      total += p.e - end;
      end = p.e;
    }
  }
  return total;
}

export { overlapMs };

export type Pricing = {
  organisationId: string;
  priceUnit: PriceUnit;
  priceInternal: number;
  pricePartner: number;
  priceExternal: number;
};

/**
 * Which price a booker pays: members of the institution, members of an organisation the
 * institution counts as its partner (InstitutionPartner), everyone else.
 */
export function tierFor(
  instrument: Pick<Pricing, "organisationId">,
  bookerOrganisationId: string | null,
  partnerOrganisationIds: readonly string[],
): PriceTier {
  if (bookerOrganisationId && bookerOrganisationId === instrument.organisationId) return "INTERNAL";
  if (bookerOrganisationId && partnerOrganisationIds.includes(bookerOrganisationId)) return "PARTNER";
  return "EXTERNAL";
}

export function unitPrice(instrument: Pricing, tier: PriceTier): number {
  return tier === "INTERNAL" ? instrument.priceInternal : tier === "PARTNER" ? instrument.pricePartner : instrument.priceExternal;
}

/** The fee the price list gives (yuan): per hour of the slot, or per sample. */
export function quoteFee(instrument: Pricing, tier: PriceTier, slot: Range, sampleCount: number | null): number {
  const price = unitPrice(instrument, tier);
  if (instrument.priceUnit === "SAMPLE") return price * Math.max(1, sampleCount ?? 1);
  return Math.round((price * (slot.endsAt.getTime() - slot.startsAt.getTime())) / HOUR_MS);
}

export function slotHours(slot: Range): number {
  return Math.round(((slot.endsAt.getTime() - slot.startsAt.getTime()) / HOUR_MS) * 100) / 100;
}
