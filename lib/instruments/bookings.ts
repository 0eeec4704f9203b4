import "server-only";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { Prisma, type BookingStatus } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";
import { can, type Actor, type MaybeActor } from "@/lib/policy";
import type { BookingFacts } from "@/lib/policy/rules";
import { instrumentFacts, loadInstrumentFor } from "./instruments";
import type { BookingRequestInput } from "./schemas";
import { overlaps, quoteFee, slotHours, tierFor, withinOpeningHours, type Range } from "./schedule";
import { bookerMayCancel, checkBookingMove, movesFor, SLOT_HOLDING, USED, type BookingParty } from "./transitions";
import { refusingOverlap, writeBooking } from "./write-booking";
import { partnerIdsOf } from "./partners";
import { checkReportFile, storeReport, type UploadedFile } from "./reports";

type Tx = Prisma.TransactionClient;

const bookingInclude = {
  instrument: { select: { id: true, name: true, organisationId: true, managerId: true, status: true, freeCancelHours: true, priceUnit: true } },
  booker: { select: { id: true, name: true, email: true } },
  organisation: { select: { id: true, name: true } },
  // The test report (one per booking, the newest): its name is shown only to booking.report.
  attachments: { select: { id: true, fileName: true, sizeBytes: true }, orderBy: { createdAt: "desc" as const }, take: 1 },
} as const;
type BookingRow = Prisma.InstrumentBookingGetPayload<{ include: typeof bookingInclude }>;

const factsOf = (row: Pick<BookingRow, "bookerId" | "organisationId" | "instrument">): BookingFacts => ({
  bookerId: row.bookerId,
  organisationId: row.organisationId,
  instrument: instrumentFacts(row.instrument),
});

/** "2026-12-08 09:00" in China time, for notification texts. */
export function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** A booking as its viewer sees it (booker or manager: both see all of it). */
export function presentBooking(actor: MaybeActor, row: BookingRow) {
  const facts = factsOf(row);
  const parties: BookingParty[] = [];
  if (can(actor, "booking.manage", facts)) parties.push("manager");
  if (actor && actor.id === row.bookerId) parties.push("booker");
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    instrument: { id: row.instrument.id, name: row.instrument.name },
    booker: { id: row.booker.id, name: row.booker.name ?? row.booker.email },
    organisation: row.organisation ? { id: row.organisation.id, name: row.organisation.name } : null,
    service: row.service,
    purpose: row.purpose,
    sample: row.sample,
    sampleCount: row.sampleCount,
    hazards: row.hazards,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    tier: row.tier,
    declineReason: row.declineReason,
    hoursUsed: row.hoursUsed === null ? null : Number(row.hoursUsed),
    fee: row.fee,
    rating: row.rating,
    ratingComment: row.ratingComment,
    createdAt: row.createdAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    /** The test report: only the booker's side and the instrument's managers learn it exists. */
    report: reportOf(actor, facts, row),
    /** May this viewer attach (or replace) the test report now? */
    mayAttachReport: USED.includes(row.status) && can(actor, "booking.attachReport", facts),
    /** The moves this viewer may make now (buttons). */
    moves: [...new Set(parties.flatMap((p) => movesFor(row.status, p)))],
    parties,
  };
}
export type BookingView = ReturnType<typeof presentBooking>;

function reportOf(actor: MaybeActor, facts: BookingFacts, row: BookingRow) {
  const file = row.attachments[0];
  if (!file || !can(actor, "booking.report", facts)) return null;
  return { id: file.id, fileName: file.fileName, sizeBytes: file.sizeBytes, url: `/api/attachments/${encodeURIComponent(file.id)}` };
}

async function assertBookable(
  tx: Pick<Tx, "instrumentClosure">,
  instrument: { id: string; openDays: number[]; opensAt: string; closesAt: string },
  slot: Range,
  now: Date,
) {
  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError("VALIDATION", { key: "instruments.bookingInPast" });
  if (!withinOpeningHours(instrument, slot))
    throw new AppError("VALIDATION", { key: "instruments.bookingOutsideHours", params: { opensAt: instrument.opensAt, closesAt: instrument.closesAt } });
  const closures = await tx.instrumentClosure.findMany({
    where: { instrumentId: instrument.id, startsAt: { lt: slot.endsAt }, endsAt: { gt: slot.startsAt } },
  });
  if (closures.some((c) => overlaps(c, slot))) throw new AppError("CONFLICT", { key: "instruments.bookingInClosure" });
}

/**
 * Books a slot (or a sample-testing service at that time). Overlaps are refused by the database's
 * exclusion constraint, so two requests for the same time sent at once cannot both succeed.
 */
export async function requestBooking(actor: Actor, input: BookingRequestInput, now = new Date()): Promise<{ id: string }> {
  const instrument = await loadInstrumentFor(prisma, actor, input.instrumentId, "instrument.book");
  if (!instrument.services.includes(input.service)) throw new AppError("VALIDATION", { key: "instruments.bookingServiceNotOffered" });
  const slot = { startsAt: input.startsAt, endsAt: input.endsAt };
  await assertBookable(prisma, instrument, slot, now);
  const tier = tierFor(instrument, actor.organisationId, await partnerIdsOf(prisma, instrument.organisationId));
  return refusingOverlap(() =>
    prisma.$transaction(async (tx) => {
      const row = await tx.instrumentBooking.create({
        data: {
          instrumentId: instrument.id,
          bookerId: actor.id,
          organisationId: actor.organisationId,
          service: input.service,
          purpose: input.purpose,
          sample: input.sample ?? null,
          sampleCount: input.sampleCount ?? null,
          hazards: input.hazards ?? null,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          tier,
          fee: quoteFee(instrument, tier, slot, input.sampleCount ?? null),
        },
        select: { id: true },
      });
      await tx.instrumentBookingEvent.create({ data: { bookingId: row.id, fromStatus: null, toStatus: "REQUESTED", actorId: actor.id } });
      await notifyUser(tx, {
        userId: instrument.managerId,
        kind: "instrumentBooking.requested",
        params: { instrument: instrument.name, time: chinaTime(slot.startsAt) },
        link: `/instruments/manage`,
        dedupeKey: `booking:${row.id}:requested`,
      });
      return row;
    }),
  );
}

async function loadBookingFor(tx: Pick<Tx, "instrumentBooking">, actor: MaybeActor, bookingId: string) {
  const row = await tx.instrumentBooking.findUnique({ where: { id: bookingId }, include: bookingInclude });
  if (!row || !can(actor, "booking.read", factsOf(row))) throw new AppError("NOT_FOUND", { key: "instruments.bookingNotFound" });
  return row;
}

export async function getBooking(actor: MaybeActor, bookingId: string): Promise<BookingView> {
  return presentBooking(actor, await loadBookingFor(prisma, actor, bookingId));
}

type MoveInput = { bookingId: string; version: number };
type MoveContext = { tx: Tx; row: BookingRow; party: BookingParty };

/**
 * One move of the life cycle: checks the policy, the transition table (for the first party of
 * the actor for whom the move is allowed), runs `apply` (which writes through writeBooking) and
 * refuses overlaps clearly.
 */
async function move(
  actor: Actor,
  input: MoveInput,
  to: BookingStatus,
  apply: (ctx: MoveContext) => Promise<void>,
  policy: "booking.manage" | "booking.respond" | "booking.cancel",
): Promise<void> {
  await refusingOverlap(() =>
    prisma.$transaction(async (tx) => {
      const row = await loadBookingFor(tx, actor, input.bookingId);
      // Readers of the booking who may not make this move are told so (403); others got 404 above.
      if (!can(actor, policy, factsOf(row))) throw forbidden();
      const parties: BookingParty[] = [];
      if (can(actor, "booking.manage", factsOf(row))) parties.push("manager");
      if (actor.id === row.bookerId) parties.push("booker");
      const party = parties.find((p) => checkBookingMove(row.status, to, p).ok);
      if (!party) throw new AppError("CONFLICT", { key: "instruments.bookingMove", params: { status: row.status } });
      if (input.version !== row.version) throw new AppError("CONFLICT", { key: "instruments.bookingVersion", params: { status: row.status } });
      await apply({ tx, row, party });
    }),
  );
}

const notifyBooker = (tx: Tx, row: BookingRow, event: string, params: Record<string, string | number> = {}) =>
  notifyUser(tx, {
    userId: row.bookerId,
    kind: `instrumentBooking.${event}`,
    params: { instrument: row.instrument.name, time: chinaTime(row.startsAt), ...params },
    link: `/instruments/bookings`,
    // A report may be replaced: each upload is its own notice.
    dedupeKey: `booking:${row.id}:${event}:${event === "report" ? Date.now() : row.version}`,
  });
const notifyManager = (tx: Tx, row: BookingRow, event: string, params: Record<string, string | number> = {}) =>
  notifyUser(tx, {
    userId: row.instrument.managerId,
    kind: `instrumentBooking.${event}`,
    params: { instrument: row.instrument.name, time: chinaTime(row.startsAt), ...params },
    link: `/instruments/manage`,
    dedupeKey: `booking:${row.id}:${event}:${row.version}`,
  });

export async function approveBooking(actor: Actor, input: MoveInput, now = new Date()): Promise<void> {
  await move(
    actor,
    input,
    "APPROVED",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, { to: "APPROVED", data: { approvedAt: now } });
      await notifyBooker(tx, row, "approved");
    },
    "booking.manage",
  );
}

export async function declineBooking(actor: Actor, input: MoveInput & { reason: string }): Promise<void> {
  await move(
    actor,
    input,
    "DECLINED",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, { to: "DECLINED", note: input.reason, data: { declineReason: input.reason } });
      await notifyBooker(tx, row, "declined", { reason: input.reason });
    },
    "booking.manage",
  );
}

/** The manager proposes another slot; the booking holds the new slot until the booker answers. */
export async function proposeSlot(actor: Actor, input: MoveInput & { startsAt: Date; endsAt: Date; note?: string }, now = new Date()): Promise<void> {
  await move(
    actor,
    input,
    "PROPOSED",
    async ({ tx, row }) => {
      const instrument = await tx.instrument.findUniqueOrThrow({ where: { id: row.instrumentId } });
      const slot = { startsAt: input.startsAt, endsAt: input.endsAt };
      await assertBookable(tx, instrument, slot, now);
      await writeBooking(tx, actor.id, row, input.version, {
        to: "PROPOSED",
        note: input.note ?? null,
        data: { startsAt: slot.startsAt, endsAt: slot.endsAt, fee: quoteFee(instrument, row.tier, slot, row.sampleCount) },
      });
      await notifyBooker(tx, row, "proposed", { proposed: chinaTime(slot.startsAt) });
    },
    "booking.manage",
  );
}

/** The booker accepts the proposed slot. */
export async function acceptProposal(actor: Actor, input: MoveInput, now = new Date()): Promise<void> {
  await move(
    actor,
    input,
    "APPROVED",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, { to: "APPROVED", data: { approvedAt: now } });
      await notifyManager(tx, row, "accepted");
    },
    "booking.respond",
  );
}

/** Cancels: the booker free of charge until the institution's deadline, the manager any time. */
export async function cancelBooking(actor: Actor, input: MoveInput & { reason?: string }, now = new Date()): Promise<void> {
  await move(
    actor,
    input,
    "CANCELLED",
    async ({ tx, row, party }) => {
      if (party === "booker" && !bookerMayCancel(row.startsAt, row.instrument.freeCancelHours, now)) {
        throw new AppError("CONFLICT", { key: "instruments.bookingCancelTooLate", params: { hours: row.instrument.freeCancelHours } });
      }
      await writeBooking(tx, actor.id, row, input.version, { to: "CANCELLED", note: input.reason ?? null });
      if (party === "booker") await notifyManager(tx, row, "cancelled", { reason: input.reason ?? "" });
      else await notifyBooker(tx, row, "cancelled", { reason: input.reason ?? "" });
    },
    "booking.cancel",
  );
}

/**
 * The manager confirms the work took place, with the hours actually used and the fee, and may
 * attach the test report (checked before anything is written).
 */
export async function recordUse(
  actor: Actor,
  input: MoveInput & { hoursUsed: number; fee: number; note?: string; report?: UploadedFile },
  now = new Date(),
): Promise<void> {
  const report = input.report ? await checkReportFile(input.report) : null;
  await move(
    actor,
    input,
    "COMPLETED",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, {
        to: "COMPLETED",
        note: input.note ?? null,
        data: { hoursUsed: new Prisma.Decimal(input.hoursUsed.toFixed(2)), fee: input.fee, completedAt: now },
      });
      if (report) await storeReport(tx, actor, row.id, report);
      await notifyBooker(tx, row, report ? "completedWithReport" : "completed", { fee: input.fee, hours: input.hoursUsed });
    },
    "booking.manage",
  );
}

/** Attaches (or replaces) the test report of a completed booking: the instrument's managers. */
export async function attachBookingReport(actor: Actor, input: { bookingId: string; report: UploadedFile }): Promise<{ id: string }> {
  const report = await checkReportFile(input.report);
  return prisma.$transaction(async (tx) => {
    const row = await loadBookingFor(tx, actor, input.bookingId);
    if (!can(actor, "booking.attachReport", factsOf(row))) throw forbidden();
    if (!USED.includes(row.status)) throw new AppError("CONFLICT", { key: "instruments.reportNotCompleted", params: { status: row.status } });
    const stored = await storeReport(tx, actor, row.id, report);
    await notifyBooker(tx, row, "report", {});
    return stored;
  });
}

export async function markNoShow(actor: Actor, input: MoveInput): Promise<void> {
  await move(
    actor,
    input,
    "NO_SHOW",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, { to: "NO_SHOW" });
      await notifyBooker(tx, row, "noShow");
    },
    "booking.manage",
  );
}

/** The booker rates a completed booking (satisfaction, 1-5). */
export async function rateBooking(actor: Actor, input: MoveInput & { rating: number; comment?: string }): Promise<void> {
  await move(
    actor,
    input,
    "RATED",
    async ({ tx, row }) => {
      await writeBooking(tx, actor.id, row, input.version, { to: "RATED", data: { rating: input.rating, ratingComment: input.comment ?? null } });
      await notifyManager(tx, row, "rated", { rating: input.rating });
    },
    "booking.respond",
  );
}

/** The actor's own bookings, newest first. */
export async function listMyBookings(actor: Actor): Promise<BookingView[]> {
  const rows = await prisma.instrumentBooking.findMany({ where: { bookerId: actor.id }, include: bookingInclude, orderBy: { startsAt: "desc" }, take: 200 });
  return rows.map((r) => presentBooking(actor, r));
}

/** Bookings of the instruments the actor manages (open ones first). */
export async function listManagedBookings(actor: Actor, options: { instrumentId?: string } = {}): Promise<BookingView[]> {
  if (!actor.organisationId) return [];
  const managed: Prisma.InstrumentWhereInput = actor.isOrgAdmin ? { organisationId: actor.organisationId } : { managerId: actor.id };
  const rows = await prisma.instrumentBooking.findMany({
    where: { instrument: managed, ...(options.instrumentId ? { instrumentId: options.instrumentId } : {}) },
    include: bookingInclude,
    orderBy: [{ startsAt: "desc" }],
    take: 300,
  });
  const open = (s: BookingStatus) => (s === "REQUESTED" || s === "PROPOSED" || s === "APPROVED" ? 0 : 1);
  return rows.map((r) => presentBooking(actor, r)).sort((a, b) => open(a.status) - open(b.status));
}

/**
 * The instrument's calendar: booked (slot-holding) times and closures in [from, to), without who
 * booked them (visible to whoever may read the instrument).
 */
export async function getInstrumentCalendar(actor: MaybeActor, instrumentId: string, from: Date, to: Date) {
  const instrument = await loadInstrumentFor(prisma, actor, instrumentId, "instrument.read");
  const bookings = await prisma.instrumentBooking.findMany({
    where: { instrumentId: instrument.id, status: { in: [...SLOT_HOLDING] }, startsAt: { lt: to }, endsAt: { gt: from } },
    select: { startsAt: true, endsAt: true, status: true },
    orderBy: { startsAt: "asc" },
  });
  return {
    booked: bookings.map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), hours: slotHours(b), status: b.status })),
    closures: instrument.closures
      .filter((c) => c.startsAt < to && c.endsAt > from)
      .map((c) => ({ startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), reason: c.reason })),
    openingHours: { openDays: instrument.openDays, opensAt: instrument.opensAt, closesAt: instrument.closesAt },
  };
}
