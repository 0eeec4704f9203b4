// One zod schema per input, shared by forms, the REST API and the import (pure).
import { z } from "zod";
import { uploadedFilesSchema } from "@/lib/forms/form-files";
import { optionalInt, optionalText } from "@/lib/validation/common";
import { INSTRUMENT_SERVICES, PRICE_UNITS } from "@/lib/validation/enums";
import { CATEGORY_CODES, categoryCodeFrom } from "./categories";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const list = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v;
const SERVICE_LABELS: Record<string, string> = {
  送样: "OPERATOR",
  机组操作: "OPERATOR",
  操作员: "OPERATOR",
  自主操作: "SELF_OPERATED",
  自主上机: "SELF_OPERATED",
};
const price = z.preprocess((v) => {
  const b = blank(v);
  return typeof b === "string" && /^\d+$/.test(b.trim()) ? Number(b) : (b ?? 0);
}, z.number().int().min(0).max(10_000_000));
const timeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "v.timeOfDay" });

/** Photos an instrument may have (lib/instruments/photos.ts, and the upload form's hint). */
export const MAX_PHOTOS_PER_INSTRUMENT = 8;

export const instrumentSchema = z.object({
  externalId: optionalText(100),
  name: z.string().trim().min(2).max(200),
  nameEn: optionalText(200),
  categoryCode: z.preprocess(
    (v) => (typeof v === "string" ? (categoryCodeFrom(v) ?? v) : v),
    z.enum(CATEGORY_CODES as [string, ...string[]], { error: "v.category" }),
  ),
  maker: optionalText(200),
  model: optionalText(200),
  specs: optionalText(4000),
  capabilities: optionalText(2000),
  campus: optionalText(100),
  building: optionalText(100),
  room: optionalText(50),
  region: optionalText(50),
  services: z.preprocess(
    (v) => {
      const l = list(blank(v) ?? []);
      return Array.isArray(l) ? l.map((s) => (typeof s === "string" ? (SERVICE_LABELS[s] ?? s.toUpperCase()) : s)) : l;
    },
    z.array(z.enum(INSTRUMENT_SERVICES)).min(1).max(INSTRUMENT_SERVICES.length),
  ),
  sampleRequirements: optionalText(2000),
  priceUnit: z.preprocess((v) => blank(typeof v === "string" ? v.toUpperCase() : v) ?? "HOUR", z.enum(PRICE_UNITS)),
  priceInternal: price,
  pricePartner: price,
  priceExternal: price,
  operatorName: optionalText(100),
  contactPhone: optionalText(50),
  contactEmail: z.preprocess(blank, z.email({ error: "v.email" }).optional()),
  openDays: z.preprocess(
    (v) => {
      const l = list(blank(v) ?? [1, 2, 3, 4, 5]);
      return Array.isArray(l) ? l.map((d) => (typeof d === "string" && /^\d$/.test(d) ? Number(d) : d)) : l;
    },
    z.array(z.number({ error: "v.openDays" }).int().min(1, { error: "v.openDays" }).max(7, { error: "v.openDays" })).max(7),
  ),
  opensAt: z.preprocess((v) => blank(v) ?? "09:00", timeOfDay),
  closesAt: z.preprocess((v) => blank(v) ?? "18:00", timeOfDay),
  freeCancelHours: z.preprocess((v) => blank(v) ?? 24, optionalInt(0, 720)).pipe(z.number().int()),
});
export type InstrumentInput = z.output<typeof instrumentSchema>;

export const updateInstrumentSchema = instrumentSchema.extend({ instrumentId: z.string().min(1), version: z.coerce.number().int().min(1) });

const dateTime = z.preprocess(
  (v) => {
    const b = blank(v);
    if (typeof b !== "string") return b;
    // A datetime-local input gives "2026-12-08T09:00" with no zone: China time.
    const s = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(b.trim()) ? `${b.trim()}:00+08:00` : b.trim();
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? b : d;
  },
  z.date({ error: "v.dateTime" }),
);

const slot = z.object({ startsAt: dateTime, endsAt: dateTime });
const slotOrder = (s: { startsAt: Date; endsAt: Date }) => s.endsAt > s.startsAt && s.endsAt.getTime() - s.startsAt.getTime() <= 12 * 3_600_000;

const bookingRequestBase = slot.extend({
  instrumentId: z.string().min(1),
  service: z.preprocess((v) => blank(v) ?? "OPERATOR", z.enum(INSTRUMENT_SERVICES)),
  purpose: z.string().trim().min(2).max(2000),
  sample: optionalText(2000),
  sampleCount: optionalInt(1, 10_000),
  hazards: optionalText(1000),
});
export const bookingRequestSchema = bookingRequestBase.refine(slotOrder, { error: "v.slotOrder", path: ["endsAt"] });
/** The REST body (the instrument comes from the path). */
export const bookingRequestBodySchema = bookingRequestBase.omit({ instrumentId: true });
export type BookingRequestInput = z.output<typeof bookingRequestSchema>;

const bookingRef = z.object({ bookingId: z.string().min(1), version: z.coerce.number().int().min(1) });
export const bookingRefSchema = bookingRef;
export const declineBookingSchema = bookingRef.extend({ reason: z.string().trim().min(2).max(1000) });
export const proposeSlotSchema = bookingRef
  .extend(slot.shape)
  .extend({ note: optionalText(1000) })
  .refine(slotOrder, { error: "v.slotOrder", path: ["endsAt"] });
export const recordUseSchema = bookingRef.extend({
  hoursUsed: z.coerce.number().min(0).max(24),
  fee: z.coerce.number().int().min(0).max(10_000_000),
  note: optionalText(1000),
});
/** The manager's form: use and fee, and the test report as an optional file (the first one counts). */
export const recordUseFormSchema = recordUseSchema.safeExtend({ report: uploadedFilesSchema });
export const attachReportSchema = z.object({ bookingId: z.string().min(1), report: uploadedFilesSchema });
export const rateBookingSchema = bookingRef.extend({
  rating: z.coerce.number({ error: "v.rating" }).int({ error: "v.rating" }).min(1, { error: "v.rating" }).max(5, { error: "v.rating" }),
  comment: optionalText(1000),
});
export const cancelBookingSchema = bookingRef.extend({ reason: optionalText(1000) });

export const closureSchema = z
  .object({ instrumentId: z.string().min(1), startsAt: dateTime, endsAt: dateTime, reason: optionalText(200) })
  .refine((c) => c.endsAt > c.startsAt, { error: "v.slotOrder", path: ["endsAt"] });

export const instrumentSearchSchema = z.object({
  q: z.preprocess((v) => blank(v) ?? "", z.string().trim().max(200)),
  category: optionalText(10),
  region: optionalText(50),
  maxPrice: optionalInt(0, 10_000_000),
  availableFrom: z.preprocess(blank, dateTime.optional()),
  availableTo: z.preprocess(blank, dateTime.optional()),
  page: z.preprocess((v) => blank(v) ?? 1, z.coerce.number().int().min(1).max(100)),
});
export type InstrumentSearchInput = z.output<typeof instrumentSearchSchema>;

export const sharingRateQuerySchema = z.strictObject({
  groupBy: z.enum(["institutionKind", "region"]).default("institutionKind"),
  from: z.preprocess(blank, dateTime.optional()),
  to: z.preprocess(blank, dateTime.optional()),
});

export const periodQuerySchema = z.strictObject({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
export const bookingListQuerySchema = z.strictObject({ as: z.enum(["booker", "manager"]).default("booker") });

/** Naming a partner organisation: by its name (the form) or its id (a suggestion's button, the API). */
export const partnerSchema = z
  .object({ name: optionalText(200), partnerOrganisationId: optionalText(50) })
  .refine((p) => !!p.name || !!p.partnerOrganisationId, { error: "v.required", path: ["name"] });
export type PartnerInput = z.output<typeof partnerSchema>;
export const removePartnerSchema = z.object({ partnerOrganisationId: z.string().min(1) });
