import { z } from "zod";
import { COLLABORATION_MODES, CONTRACT_MODES, VISIBILITIES } from "./enums";

// Keywords arrive as an array (API) or as one comma/顿号-separated string (forms).
export const keywordsSchema = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[,，、;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().trim().min(1, { error: "v.keyword" }).max(40, { error: "v.keyword" })).max(20, { error: "v.keyword" }),
);

// Empty form fields mean "not given".
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const optionalInt = (min: number, max: number, error?: string) =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    return typeof b === "string" && /^-?\d+$/.test(b.trim()) ? Number(b) : b;
  }, z.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional());

export const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

export const trlSchema = optionalInt(1, 9, "v.trl");

// Enum values come from lib/validation/enums.ts (the Prisma enums), never from literal lists.
export const collaborationModeSchema = z.enum(COLLABORATION_MODES);
export const contractModeSchema = z.enum(CONTRACT_MODES);
export const visibilitySchema = z.enum(VISIBILITIES);

export const modesSchema = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(collaborationModeSchema).max(COLLABORATION_MODES.length));

// A calendar date ("2026-05-01" from a date input, or an ISO timestamp from the API) that is not in
// the past. "Today" is judged generously (24 h back) so a user east of the server is not refused.
export const optionalFutureDate = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (typeof b !== "string") return b;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(b.trim()) ? `${b.trim()}T00:00:00Z` : b.trim());
    return Number.isNaN(d.getTime()) ? b : d;
  },
  z
    .date({ error: "v.date" })
    .refine((d) => d.getTime() >= Date.now() - 24 * 60 * 60 * 1000, { error: "v.datePast" })
    .refine((d) => d.getTime() <= Date.now() + 20 * 366 * 24 * 60 * 60 * 1000, { error: "v.dateFar" })
    .optional(),
);

/** A record id a form or button is about (hidden input or input object); the service checks access to it. */
export const idSchema = z.string().trim().min(1).max(64);
