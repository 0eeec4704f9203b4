import { z } from "zod";
import { contractModeSchema } from "@/lib/validation/common";
import { DEAL_STATES, DECLINE_REASONS } from "./transitions";

const version = z.coerce.number().int().min(1);
const note = z.string().trim().max(2_000).optional();

export const introduceSchema = z.strictObject({
  needId: z.string().min(1).max(40),
  resultId: z.string().min(1).max(40),
  note,
  respondWithinDays: z.coerce.number().int().min(1).max(60).default(7),
});
export type IntroduceInput = z.output<typeof introduceSchema>;

export const respondSchema = z.strictObject({
  decision: z.enum(["accept", "decline"]),
  reason: z.enum(DECLINE_REASONS).optional(),
  note,
  version,
});
export type RespondInput = z.output<typeof respondSchema>;

export const transitionSchema = z.strictObject({
  to: z.enum(DEAL_STATES),
  reason: z.enum(DECLINE_REASONS).optional(),
  note,
  version,
});
export type TransitionInput = z.output<typeof transitionSchema>;

// A day that has already begun somewhere in China (UTC+8) may be given as today: dates that
// cannot have happened yet (a contract signed tomorrow, a payment made next week) are refused.
export function isNotFutureDay(day: string, now = new Date()): boolean {
  const todayInChina = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return day <= todayInChina;
}
const pastDay = (key: string) => z.iso.date().refine((day) => isNotFutureDay(day), { error: key });

const milestoneSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dueAt: z.iso.date().optional(),
  amountCny: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
  paidAt: pastDay("v.paidFuture").optional(),
});

export const contractSchema = z.strictObject({
  mode: contractModeSchema,
  valueCny: z.coerce.number().int().min(0).max(100_000_000_000),
  contractRegistrationNo: z.string().trim().min(4).max(60),
  signedAt: pastDay("v.signedFuture"),
  milestones: z.array(milestoneSchema).max(50).default([]),
  version,
});
export type ContractInput = z.output<typeof contractSchema>;

export const outcomeSchema = z.strictObject({
  productLaunched: z.boolean(),
  revenueCny: z.coerce.number().int().min(0).max(100_000_000_000).optional(),
  patentsFiled: z.coerce.number().int().min(0).max(10_000).optional(),
  jobsCreated: z.coerce.number().int().min(0).max(1_000_000).optional(),
  notes: z.string().trim().max(5_000).optional(),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const messageSchema = z.strictObject({ body: z.string().trim().min(1).max(5_000) });
