// Sharing metrics (考评) computed from booking rows (pure, so they are checked against
// hand-computed fixtures). External hours are those of bookers from other organisations
// (partner and external price tiers); the external sharing rate is external hours / all used hours.
import type { PriceTier } from "@/lib/generated/prisma/enums";

export type MetricBooking = {
  tier: PriceTier;
  organisationId: string | null;
  bookerId: string;
  hoursUsed: number | null;
  used: boolean;
  createdAt: Date;
  approvedAt: Date | null;
  rating: number | null;
};

export type SharingMetrics = {
  hoursAvailable: number;
  hoursUsedInternal: number;
  hoursUsedExternal: number;
  /** External hours / all used hours, 0..1; null when nothing was used. */
  externalSharingRate: number | null;
  /** Hours used / hours available, 0..1; null when nothing was available. */
  utilisation: number | null;
  externalOrganisationsServed: number;
  bookings: number;
  /** Median hours from request to approval; null without approvals. */
  medianHoursToApproval: number | null;
  averageRating: number | null;
  ratings: number;
};

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function computeSharingMetrics(bookings: readonly MetricBooking[], hoursAvailable: number): SharingMetrics {
  let internal = 0;
  let external = 0;
  const orgs = new Set<string>();
  for (const b of bookings) {
    if (!b.used) continue;
    const hours = b.hoursUsed ?? 0;
    if (b.tier === "INTERNAL") internal += hours;
    else {
      external += hours;
      orgs.add(b.organisationId ?? `user:${b.bookerId}`);
    }
  }
  const used = internal + external;
  const approvals = bookings.filter((b) => b.approvedAt).map((b) => (b.approvedAt!.getTime() - b.createdAt.getTime()) / 3_600_000);
  const ratings = bookings.map((b) => b.rating).filter((r): r is number => r !== null);
  const med = median(approvals);
  return {
    hoursAvailable: round(hoursAvailable),
    hoursUsedInternal: round(internal),
    hoursUsedExternal: round(external),
    externalSharingRate: used > 0 ? round(external / used, 4) : null,
    utilisation: hoursAvailable > 0 ? round(used / hoursAvailable, 4) : null,
    externalOrganisationsServed: orgs.size,
    bookings: bookings.length,
    medianHoursToApproval: med === null ? null : round(med),
    averageRating: ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
    ratings: ratings.length,
  };
}
