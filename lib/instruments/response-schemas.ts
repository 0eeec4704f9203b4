// What the instruments API returns, as zod schemas (the pattern of lib/api/response-schemas.ts):
// the OpenAPI document is generated from them, the compile-time checks at the bottom fail when a
// presenter changes without them, and every response is parsed with them under tests
// (defineOperation's json()).
import { z } from "zod";
import { ORG_KINDS } from "@/lib/validation/enums";
import type { BookingView } from "./bookings";
import type { InstrumentView } from "./instruments";
import type { InstrumentImportOutcome } from "./import";
import type { InstitutionSharing, SharingRateGroup } from "./metrics";
import type { SharingMetrics } from "./metrics-compute";
import type { InstrumentSearchResult } from "./search-index";

const isoDate = z.string().describe("ISO 8601 timestamp");
const serviceSchema = z
  .enum(["OPERATOR", "SELF_OPERATED"])
  .describe("OPERATOR: run by the lab's operator (送样/机时); SELF_OPERATED: by the user after training");
const tierSchema = z.enum(["INTERNAL", "PARTNER", "EXTERNAL"]).describe("Price tier: the institution's members, its partner organisations, everyone else");
const bookingStatusSchema = z.enum(["REQUESTED", "PROPOSED", "APPROVED", "DECLINED", "CANCELLED", "COMPLETED", "RATED", "NO_SHOW"]);
const slotSchema = z.object({ startsAt: isoDate, endsAt: isoDate });
const closureSchema = slotSchema.extend({ reason: z.string().nullable() });
const openingHoursSchema = z
  .object({
    openDays: z.array(z.number().int()).describe("ISO weekdays, 1 = Monday"),
    opensAt: z.string().describe("HH:MM, China time"),
    closesAt: z.string().describe("HH:MM, China time"),
  })
  .describe("When the instrument may be booked");

export const instrumentViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe("Send it back with PUT (409 when stale)"),
    name: z.string(),
    nameEn: z.string().nullable(),
    categoryCode: z.string().describe("Code of the instrument classification (e.g. 0103 X-ray diffractometers)"),
    maker: z.string().nullable(),
    model: z.string().nullable(),
    specs: z.string().nullable(),
    capabilities: z.string().nullable().describe("What it measures, in plain words"),
    location: z.object({ campus: z.string().nullable(), building: z.string().nullable(), room: z.string().nullable(), region: z.string().nullable() }),
    services: z.array(serviceSchema),
    sampleRequirements: z.string().nullable(),
    prices: z
      .object({ unit: z.enum(["HOUR", "SAMPLE"]), internal: z.number().int(), partner: z.number().int(), external: z.number().int() })
      .describe("Yuan (CNY) per hour or per sample, by price tier"),
    contact: z
      .object({ operatorName: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
      .nullable()
      .describe("null for visitors (signed-in users only)"),
    openingHours: openingHoursSchema,
    freeCancelHours: z.number().int().describe("Bookers cancel free of charge until this many hours before the start"),
    closures: z.array(closureSchema).describe("Maintenance closures"),
    photos: z
      .array(
        z.object({
          id: z.string(),
          url: z.string().describe("The photo (WebP, at most 1600 px)"),
          thumbUrl: z.string().describe("A 480x360 thumbnail"),
          width: z.number().int(),
          height: z.number().int(),
        }),
      )
      .describe("Photos in their order"),
    status: z.enum(["ACTIVE", "RETIRED"]),
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), verified: z.boolean() }).describe("The institution that lists it"),
    manages: z.boolean().describe("The caller is its manager or an admin of its institution"),
    externalId: z.string().nullable().optional().describe("The institution's own id (managers only)"),
  })
  .describe("A shared instrument (大型科研仪器)");

export const instrumentSearchResponseSchema = z
  .object({
    ok: z.literal(true),
    items: z.array(
      instrumentViewSchema.extend({ freeHours: z.number().nullable().describe("Free hours between availableFrom and availableTo; null without a range") }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .describe("One page of instruments, best match first");

export const bookingViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe("Send it with every move (409 when stale)"),
    status: bookingStatusSchema,
    instrument: z.object({ id: z.string(), name: z.string() }),
    booker: z.object({ id: z.string(), name: z.string() }),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable().describe("The organisation the booker booked for"),
    service: serviceSchema,
    purpose: z.string(),
    sample: z.string().nullable(),
    sampleCount: z.number().int().nullable(),
    hazards: z.string().nullable(),
    startsAt: isoDate,
    endsAt: isoDate,
    tier: tierSchema,
    declineReason: z.string().nullable(),
    hoursUsed: z.number().nullable(),
    fee: z.number().int().nullable().describe("Yuan: the quote until use is recorded, then the fee charged"),
    rating: z.number().int().nullable().describe("Satisfaction 1-5, given by the booker after completion"),
    ratingComment: z.string().nullable(),
    createdAt: isoDate,
    approvedAt: isoDate.nullable(),
    completedAt: isoDate.nullable(),
    report: z
      .object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int(), url: z.string().describe("GET it with the same session or token") })
      .nullable()
      .describe("The test report; null when there is none or the caller is neither on the booker's side nor a manager"),
    mayAttachReport: z.boolean(),
    moves: z.array(bookingStatusSchema).describe("The moves the caller may make now"),
    parties: z.array(z.enum(["manager", "booker", "system"])).describe("The caller's roles on this booking"),
  })
  .describe("A booking of an instrument (booker and managers)");

export const bookingListSchema = z.object({ items: z.array(bookingViewSchema) });

export const calendarSchema = z
  .object({
    booked: z.array(slotSchema.extend({ hours: z.number(), status: bookingStatusSchema })).describe("Times held by bookings (without who)"),
    closures: z.array(closureSchema),
    openingHours: openingHoursSchema,
  })
  .describe("Booked times and maintenance closures in the period");

export const sharingMetricsSchema = z
  .object({
    hoursAvailable: z.number(),
    hoursUsedInternal: z.number(),
    hoursUsedExternal: z.number().describe("Hours of bookers from other organisations (partner and external tiers)"),
    externalSharingRate: z.number().nullable().describe("External hours / all used hours (0..1); null when nothing was used"),
    utilisation: z.number().nullable().describe("Used hours / available hours (0..1)"),
    externalOrganisationsServed: z.number().int(),
    bookings: z.number().int(),
    medianHoursToApproval: z.number().nullable(),
    averageRating: z.number().nullable(),
    ratings: z.number().int(),
  })
  .describe("Sharing metrics (考评) over a period");

export const sharingRateGroupSchema = z.object({
  key: z.string().describe("The institution kind (UNIVERSITY, ...) or the region ('unknown' when none)"),
  instruments: z.number().int(),
  hoursAvailable: z.number(),
  hoursUsedInternal: z.number(),
  hoursUsedExternal: z.number(),
  externalSharingRate: z.number().nullable(),
  externalOrganisationsServed: z.number().int(),
});

export const sharingRatesResponseSchema = z
  .object({ groupBy: z.enum(["institutionKind", "region"]), from: isoDate, to: isoDate, groups: z.array(sharingRateGroupSchema) })
  .describe("Aggregates only: no booking or booker shows");

export const institutionSharingListSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    items: z.array(
      sharingMetricsSchema.extend({
        organisationId: z.string(),
        name: z.string(),
        kind: z.enum(ORG_KINDS),
        region: z.string().nullable(),
        instruments: z.number().int(),
      }),
    ),
  })
  .describe("Every listing institution's sharing metrics, lowest external sharing rate first (staff and analysts)");

export const partnerListSchema = z
  .object({ items: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.enum(ORG_KINDS), since: isoDate })) })
  .describe("Organisations whose members pay the partner price");

const importReportSchema = z.object({
  fileProblems: z.array(z.string()).describe("Problems with the whole file: nothing was imported"),
  totalRows: z.number().int(),
  problems: z
    .array(z.object({ row: z.number().int(), column: z.string(), problem: z.string() }))
    .describe("Every bad row with its column, in the caller's language"),
  badRows: z.array(z.number().int()),
  validRows: z.number().int(),
});

export const importOutcomeSchema = z
  .object({ report: importReportSchema, written: z.boolean(), created: z.number().int(), updated: z.number().int() })
  .describe("The row report, and what was written");

// Compile-time drift guards: the schemas must describe exactly what the services return.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// For types written as intersections (A & B), which Equal never takes as identical: each assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SearchOk = Extract<InstrumentSearchResult, { ok: true }>;
type CalendarView = Awaited<ReturnType<typeof import("./bookings").getInstrumentCalendar>>;
const checks: [
  Equal<z.output<typeof instrumentViewSchema>, InstrumentView>,
  Same<z.output<typeof instrumentSearchResponseSchema>, SearchOk>,
  Equal<z.output<typeof bookingViewSchema>, BookingView>,
  Equal<z.output<typeof calendarSchema>, CalendarView>,
  Equal<z.output<typeof sharingMetricsSchema>, SharingMetrics>,
  Equal<z.output<typeof sharingRateGroupSchema>, SharingRateGroup>,
  Same<z.output<typeof importOutcomeSchema>, InstrumentImportOutcome>,
  Same<z.output<typeof institutionSharingListSchema>["items"][number], InstitutionSharing>,
] = [true, true, true, true, true, true, true, true];
void checks;
