import { z } from "zod";
import { emailSchema } from "@/lib/users/schemas";
import { STAFF_ROLES } from "./roles";

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().min(2).max(max).optional());

/** "YYYY-MM-DD" -> the last instant of that day in China (UTC+8), when the accreditation lapses. */
export function endOfDayInChina(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

const validUntilSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "v.date" })
    .refine(isCalendarDate, { error: "v.date" })
    .refine((d) => endOfDayInChina(d).getTime() > Date.now(), { error: "v.datePast" })
    .optional(),
);

// One schema for the admin page's form, its server action and the operator CLI.
export const grantStaffRoleSchema = z
  .strictObject({
    email: emailSchema,
    role: z.enum(STAFF_ROLES),
    reason: z.string().trim().min(3).max(500),
    certificateNo: optionalText(80),
    certificateIssuer: optionalText(120),
    validUntil: validUntilSchema,
  })
  .superRefine((input, ctx) => {
    // A broker is an accredited professional: the grant records the accreditation and lapses with it.
    if (input.role !== "BROKER") return;
    for (const field of ["certificateNo", "certificateIssuer", "validUntil"] as const) {
      if (!input[field]) ctx.addIssue({ code: "custom", path: [field], message: "v.brokerAccreditation" });
    }
  });
export type GrantStaffRoleInput = z.infer<typeof grantStaffRoleSchema>;

export const revokeStaffRoleSchema = z.strictObject({
  email: emailSchema,
  reason: z.string().trim().min(3).max(500),
});
export type RevokeStaffRoleInput = z.infer<typeof revokeStaffRoleSchema>;
