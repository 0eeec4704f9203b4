import "server-only";
import { prisma } from "@/lib/db";
import type { OrgKind, Prisma } from "@/lib/generated/prisma/client";
import { authorize, type MaybeActor } from "@/lib/policy";
import { loadInstrumentFor } from "./instruments";
import { computeSharingMetrics, type MetricBooking, type SharingMetrics } from "./metrics-compute";
import { hoursAvailable } from "./schedule";
import { USED } from "./transitions";

export type Period = { from: Date; to: Date };

const DAY = 86_400_000;
/** The default period: the last 365 days up to now. */
export const defaultPeriod = (now = new Date()): Period => ({ from: new Date(now.getTime() - 365 * DAY), to: now });

const metricSelect = {
  instrumentId: true,
  tier: true,
  organisationId: true,
  bookerId: true,
  hoursUsed: true,
  status: true,
  createdAt: true,
  approvedAt: true,
  rating: true,
} as const;
type MetricRow = Prisma.InstrumentBookingGetPayload<{ select: typeof metricSelect }>;

const toMetric = (r: MetricRow): MetricBooking => ({
  tier: r.tier,
  organisationId: r.organisationId,
  bookerId: r.bookerId,
  hoursUsed: r.hoursUsed === null ? null : Number(r.hoursUsed),
  used: USED.includes(r.status),
  createdAt: r.createdAt,
  approvedAt: r.approvedAt,
  rating: r.rating,
});

type InstrumentForMetrics = Prisma.InstrumentGetPayload<{
  select: {
    id: true;
    name: true;
    organisationId: true;
    openDays: true;
    opensAt: true;
    closesAt: true;
    region: true;
    closures: true;
    organisation: { select: { kind: true; region: true; name: true } };
  };
}>;

async function load(where: Prisma.InstrumentWhereInput, period: Period) {
  const instruments: InstrumentForMetrics[] = await prisma.instrument.findMany({
    where: { ...where, status: "ACTIVE" },
    select: {
      id: true,
      name: true,
      organisationId: true,
      openDays: true,
      opensAt: true,
      closesAt: true,
      region: true,
      closures: true,
      organisation: { select: { kind: true, region: true, name: true } },
    },
    orderBy: { name: "asc" },
  });
  // A booking counts in the period it starts in.
  const bookings = await prisma.instrumentBooking.findMany({
    where: { instrumentId: { in: instruments.map((i) => i.id) }, startsAt: { gte: period.from, lt: period.to } },
    select: metricSelect,
  });
  const byInstrument = new Map<string, MetricBooking[]>();
  for (const b of bookings) {
    const list = byInstrument.get(b.instrumentId) ?? [];
    list.push(toMetric(b));
    byInstrument.set(b.instrumentId, list);
  }
  const available = (i: InstrumentForMetrics) => hoursAvailable(i, i.closures, period.from, period.to);
  return { instruments, byInstrument, available };
}

/** One instrument's sharing metrics (its institution, staff, analysts). */
export async function getInstrumentMetrics(actor: MaybeActor, instrumentId: string, period: Period): Promise<SharingMetrics> {
  const instrument = await loadInstrumentFor(prisma, actor, instrumentId, "instrument.metrics");
  const { instruments, byInstrument, available } = await load({ id: instrument.id }, period);
  const i = instruments[0];
  return computeSharingMetrics(byInstrument.get(instrumentId) ?? [], i ? available(i) : 0);
}

/** An institution's metrics, in total and per instrument. */
export async function getInstitutionMetrics(actor: MaybeActor, organisationId: string, period: Period) {
  authorize(actor, "instrument.metrics", { organisationId, managerId: "", status: "ACTIVE" });
  const { instruments, byInstrument, available } = await load({ organisationId }, period);
  const perInstrument = instruments.map((i) => ({ id: i.id, name: i.name, metrics: computeSharingMetrics(byInstrument.get(i.id) ?? [], available(i)) }));
  const total = computeSharingMetrics(
    instruments.flatMap((i) => byInstrument.get(i.id) ?? []),
    instruments.reduce((sum, i) => sum + available(i), 0),
  );
  return { total, perInstrument };
}

export type SharingRateGroup = {
  key: string;
  instruments: number;
  hoursAvailable: number;
  hoursUsedInternal: number;
  hoursUsedExternal: number;
  externalSharingRate: number | null;
  externalOrganisationsServed: number;
};

/**
 * Sharing rates grouped by the listing institution's kind (university, company, ...) or by region,
 * for the chain monitor and the public metrics page. Aggregates only: no booking or booker shows.
 */
export async function sharingRateBy(options: { groupBy: "institutionKind" | "region"; from: Date; to: Date }): Promise<SharingRateGroup[]> {
  const period = { from: options.from, to: options.to };
  const { instruments, byInstrument, available } = await load({}, period);
  const groups = new Map<string, { instruments: InstrumentForMetrics[] }>();
  for (const i of instruments) {
    const key = options.groupBy === "institutionKind" ? (i.organisation.kind as OrgKind) : (i.region ?? i.organisation.region ?? "unknown");
    const g = groups.get(key) ?? { instruments: [] };
    g.instruments.push(i);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const m = computeSharingMetrics(
        g.instruments.flatMap((i) => byInstrument.get(i.id) ?? []),
        g.instruments.reduce((sum, i) => sum + available(i), 0),
      );
      return {
        key,
        instruments: g.instruments.length,
        hoursAvailable: m.hoursAvailable,
        hoursUsedInternal: m.hoursUsedInternal,
        hoursUsedExternal: m.hoursUsedExternal,
        externalSharingRate: m.externalSharingRate,
        externalOrganisationsServed: m.externalOrganisationsServed,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

export type InstitutionSharing = SharingMetrics & {
  organisationId: string;
  name: string;
  kind: OrgKind;
  region: string | null;
  instruments: number;
};

/**
 * Every listing institution's metrics (考评 per institution: hours, sharing rate, external
 * organisations served, median time to approval, satisfaction), lowest sharing rate first:
 * platform staff and analysts.
 */
export async function sharingByInstitution(actor: MaybeActor, period: Period): Promise<InstitutionSharing[]> {
  authorize(actor, "instrument.institutionMetrics");
  const { instruments, byInstrument, available } = await load({}, period);
  const groups = new Map<string, InstrumentForMetrics[]>();
  for (const i of instruments) groups.set(i.organisationId, [...(groups.get(i.organisationId) ?? []), i]);
  return [...groups.entries()]
    .map(([organisationId, list]) => ({
      organisationId,
      name: list[0]!.organisation.name,
      kind: list[0]!.organisation.kind,
      region: list[0]!.organisation.region,
      instruments: list.length,
      ...computeSharingMetrics(
        list.flatMap((i) => byInstrument.get(i.id) ?? []),
        list.reduce((sum, i) => sum + available(i), 0),
      ),
    }))
    .sort((a, b) => (a.externalSharingRate ?? -1) - (b.externalSharingRate ?? -1) || a.name.localeCompare(b.name));
}

/** The sharing rate per month over [from, to) (the trend the monitor and the metrics page show). */
export async function sharingRateTrend(options: { from: Date; to: Date }): Promise<{ month: string; externalSharingRate: number | null; hoursUsed: number }[]> {
  const rows = await prisma.instrumentBooking.findMany({
    where: { instrument: { status: "ACTIVE" }, startsAt: { gte: options.from, lt: options.to }, status: { in: [...USED] } },
    select: { ...metricSelect, startsAt: true },
  });
  const out: { month: string; externalSharingRate: number | null; hoursUsed: number }[] = [];
  for (let m = new Date(Date.UTC(options.from.getUTCFullYear(), options.from.getUTCMonth(), 1)); m < options.to;) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    const metrics = computeSharingMetrics(rows.filter((r) => r.startsAt >= m && r.startsAt < next).map(toMetric), 0);
    out.push({
      month: m.toISOString().slice(0, 7),
      externalSharingRate: metrics.externalSharingRate,
      hoursUsed: metrics.hoursUsedInternal + metrics.hoursUsedExternal,
    });
    m = next;
  }
  return out;
}
