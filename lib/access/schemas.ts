import { z } from "zod";
import { optionalInt, optionalText } from "@/lib/validation/common";
import { APPROVE_REASONS, DECLINE_REASONS, REVOKE_REASONS } from "./reason-codes";

// One schema per input, shared by the forms and the REST API.

// Form checkboxes send "on"; the API sends true.
const accepted = z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "v.ndaAccept" }));

export const requestAccessSchema = z.strictObject({
  ndaVersion: z.coerce.number().int().min(1),
  acceptNda: accepted,
  message: optionalText(2_000),
});
export type RequestAccessInput = z.output<typeof requestAccessSchema>;

export const decideAccessSchema = z
  .strictObject({
    decision: z.enum(["APPROVE", "DECLINE"]),
    reasonCode: z.string({ error: "v.reasonCode" }).min(1, { error: "v.reasonCode" }),
    days: optionalInt(1, 730, "v.accessDays"),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] = v.decision === "APPROVE" ? APPROVE_REASONS : DECLINE_REASONS;
    if (!allowed.includes(v.reasonCode)) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "v.reasonCode" });
  });
export type DecideAccessInput = z.output<typeof decideAccessSchema>;

export const revokeAccessSchema = z.strictObject({
  reasonCode: z.enum(REVOKE_REASONS, { error: "v.reasonCode" }),
});
export type RevokeAccessInput = z.output<typeof revokeAccessSchema>;

export const postMessageSchema = z.strictObject({
  body: z.string().trim().min(1).max(5_000),
});
export type PostMessageInput = z.output<typeof postMessageSchema>;

const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional());
export const auditExportQuerySchema = z.strictObject({
  from: optionalDate.describe("First day (YYYY-MM-DD, UTC)"),
  to: optionalDate.describe("Last day (YYYY-MM-DD, UTC), inclusive"),
});
