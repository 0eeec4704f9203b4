import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, can, type Actor, type MaybeActor } from "@/lib/policy";
import type { InstrumentFacts } from "@/lib/policy/rules";
import type { InstrumentInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const instrumentInclude = {
  organisation: { select: { id: true, name: true, kind: true, region: true, verifiedAt: true } },
  closures: { where: { endsAt: { gt: new Date(0) } }, orderBy: { startsAt: "asc" as const } },
  photos: { select: { id: true, width: true, height: true }, orderBy: { position: "asc" as const } },
} as const;
export type InstrumentRow = Prisma.InstrumentGetPayload<{ include: typeof instrumentInclude }>;

export const instrumentFacts = (i: { organisationId: string; managerId: string; status: InstrumentFacts["status"] }): InstrumentFacts => ({
  organisationId: i.organisationId,
  managerId: i.managerId,
  status: i.status,
});

/** Where a photo is served (GET /api/instrument-photos/{id}, ?size=thumb for lists). */
export const photoUrl = (id: string, size: "full" | "thumb" = "full") =>
  `/api/instrument-photos/${encodeURIComponent(id)}${size === "thumb" ? "?size=thumb" : ""}`;

/** What anyone may see of an instrument (an allow-list; the manager's own fields come separately). */
export function presentInstrument(actor: MaybeActor, row: InstrumentRow) {
  const manages = can(actor, "instrument.update", instrumentFacts(row));
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    nameEn: row.nameEn,
    categoryCode: row.categoryCode,
    maker: row.maker,
    model: row.model,
    specs: row.specs,
    capabilities: row.capabilities,
    location: { campus: row.campus, building: row.building, room: row.room, region: row.region ?? row.organisation.region },
    services: row.services,
    sampleRequirements: row.sampleRequirements,
    prices: { unit: row.priceUnit, internal: row.priceInternal, partner: row.pricePartner, external: row.priceExternal },
    // Contact details are for signed-in users (bookers), not for scrapers.
    contact: actor ? { operatorName: row.operatorName, phone: row.contactPhone, email: row.contactEmail } : null,
    openingHours: { openDays: row.openDays, opensAt: row.opensAt, closesAt: row.closesAt },
    freeCancelHours: row.freeCancelHours,
    closures: row.closures.map((c) => ({ startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), reason: c.reason })),
    photos: row.photos.map((p) => ({ id: p.id, url: photoUrl(p.id), thumbUrl: photoUrl(p.id, "thumb"), width: p.width, height: p.height })),
    status: row.status,
    organisation: { id: row.organisation.id, name: row.organisation.name, kind: row.organisation.kind, verified: row.organisation.verifiedAt !== null },
    manages,
    ...(manages ? { externalId: row.externalId } : {}),
  };
}
export type InstrumentView = ReturnType<typeof presentInstrument>;

function dataOf(input: InstrumentInput) {
  return {
    externalId: input.externalId ?? null,
    name: input.name,
    nameEn: input.nameEn ?? null,
    categoryCode: input.categoryCode,
    maker: input.maker ?? null,
    model: input.model ?? null,
    specs: input.specs ?? null,
    capabilities: input.capabilities ?? null,
    campus: input.campus ?? null,
    building: input.building ?? null,
    room: input.room ?? null,
    region: input.region ?? null,
    services: input.services,
    sampleRequirements: input.sampleRequirements ?? null,
    priceUnit: input.priceUnit,
    priceInternal: input.priceInternal,
    pricePartner: input.pricePartner,
    priceExternal: input.priceExternal,
    operatorName: input.operatorName ?? null,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
    openDays: [...new Set(input.openDays)].sort(),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    freeCancelHours: input.freeCancelHours,
  };
}

function checkHours(input: InstrumentInput) {
  if (input.closesAt <= input.opensAt) throw new AppError("VALIDATION", { key: "instruments.instrumentHours" });
}

/** Queues the instrument's search document in the writer's transaction. */
export async function enqueueInstrumentIndex(tx: Pick<Tx, "$queryRaw">, ids: string[]) {
  if (ids.length) await enqueueJob(tx, "index-instruments", ids, { jobKey: "index-instruments" });
}

/** Lists an instrument of the actor's institution; the actor becomes its manager. */
export async function createInstrument(actor: Actor, input: InstrumentInput): Promise<{ id: string }> {
  authorize(actor, "instrument.create");
  checkHours(input);
  return prisma.$transaction(async (tx) => {
    if (input.externalId) await assertExternalIdFree(tx, actor.organisationId!, input.externalId, null);
    const row = await tx.instrument.create({ data: { ...dataOf(input), organisationId: actor.organisationId!, managerId: actor.id }, select: { id: true } });
    await enqueueInstrumentIndex(tx, [row.id]);
    return row;
  });
}

async function assertExternalIdFree(tx: Tx, organisationId: string, externalId: string, exceptId: string | null) {
  const other = await tx.instrument.findFirst({ where: { organisationId, externalId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw new AppError("CONFLICT", { key: "instruments.instrumentExternalIdTaken" });
}

/** Edits an instrument (its managers); a stale version loses with 409. */
export async function updateInstrument(actor: Actor, instrumentId: string, expectedVersion: number, input: InstrumentInput): Promise<void> {
  checkHours(input);
  await prisma.$transaction(async (tx) => {
    const row = await loadInstrumentFor(tx, actor, instrumentId, "instrument.update");
    if (input.externalId) await assertExternalIdFree(tx, row.organisationId, input.externalId, row.id);
    const { count } = await tx.instrument.updateMany({
      where: { id: row.id, version: expectedVersion },
      data: { ...dataOf(input), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", { key: "instruments.instrumentVersion" });
    await enqueueInstrumentIndex(tx, [row.id]);
  });
}

/** Retires (hides) or re-activates an instrument. */
export async function setInstrumentStatus(actor: Actor, instrumentId: string, status: "ACTIVE" | "RETIRED"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await loadInstrumentFor(tx, actor, instrumentId, "instrument.update");
    await tx.instrument.update({ where: { id: row.id }, data: { status, version: { increment: 1 } } });
    await enqueueInstrumentIndex(tx, [row.id]);
  });
}

/** Adds a maintenance closure (no booking may fall into it; existing ones are not touched). */
export async function addClosure(actor: Actor, instrumentId: string, closure: { startsAt: Date; endsAt: Date; reason?: string }): Promise<void> {
  if (closure.endsAt <= closure.startsAt) throw new AppError("VALIDATION", { key: "instruments.instrumentClosureOrder" });
  await prisma.$transaction(async (tx) => {
    const row = await loadInstrumentFor(tx, actor, instrumentId, "instrument.update");
    await tx.instrumentClosure.create({ data: { instrumentId: row.id, startsAt: closure.startsAt, endsAt: closure.endsAt, reason: closure.reason ?? null } });
  });
}

/** Loads an instrument and checks `action` on it: 404 when the actor may not even see it. */
export async function loadInstrumentFor(
  db: Pick<Tx, "instrument">,
  actor: MaybeActor,
  instrumentId: string,
  action: "instrument.read" | "instrument.update" | "instrument.book" | "instrument.metrics" | "instrument.photo",
) {
  const row = await db.instrument.findUnique({ where: { id: instrumentId }, include: instrumentInclude });
  if (!row || !can(actor, "instrument.read", instrumentFacts(row))) throw new AppError("NOT_FOUND", { key: "instruments.instrumentNotFound" });
  authorize(actor, action, instrumentFacts(row));
  return row;
}

export async function getInstrument(actor: MaybeActor, instrumentId: string): Promise<InstrumentView> {
  return presentInstrument(actor, await loadInstrumentFor(prisma, actor, instrumentId, "instrument.read"));
}

/** Instruments the actor manages (their own, or all of their institution for its admins). */
export async function listManagedInstruments(actor: Actor): Promise<InstrumentView[]> {
  if (!actor.organisationId) return [];
  const rows = await prisma.instrument.findMany({
    where: actor.isOrgAdmin ? { organisationId: actor.organisationId } : { managerId: actor.id, organisationId: actor.organisationId },
    include: instrumentInclude,
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => presentInstrument(actor, r));
}
