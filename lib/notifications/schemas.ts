import { z } from "zod";

export const emailDigestSchema = z.strictObject({ emailDigest: z.enum(["IMMEDIATE", "DAILY", "WEEKLY", "OFF"]) });
export type EmailDigestInput = z.output<typeof emailDigestSchema>;

export const notificationIdSchema = z.strictObject({ id: z.string().trim().min(1).max(64) });
