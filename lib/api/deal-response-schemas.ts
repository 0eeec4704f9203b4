import { z } from "zod";
import { DealState, Visibility } from "@/lib/generated/prisma/enums";
import type { DealDetail } from "@/lib/deals/get-deal";
import type { Equal } from "./response-schemas";

// What the deal endpoints return, as zod schemas (documented in OpenAPI, checked against the
// presenter's types below).
const isoDate = z.string().describe("ISO 8601 timestamp");
const dealStateSchema = z.enum(DealState);
const sideSchema = z.enum(["company", "researcher", "staff"]);

const milestoneSchema = z.object({ title: z.string(), dueAt: z.string().optional(), amountCny: z.number().optional(), paidAt: z.string().optional() });

export const dealViewSchema = z
  .object({
    id: z.string(),
    state: dealStateSchema,
    version: z.number().int().describe("Send it back with every change (409 when stale)"),
    side: sideSchema.describe("The caller's side of the deal"),
    revealed: z.boolean().describe("Both sides accepted: identities are revealed to each other"),
    need: z.object({
      id: z.string().nullable(),
      title: z.string().nullable(),
      teaser: z.string().nullable(),
      description: z.string().nullable().describe("null unless the caller may read the need in full"),
      visibility: z.enum(Visibility),
    }),
    company: z.object({ name: z.string(), verified: z.boolean() }).nullable().describe("null until the caller may know the company"),
    researcher: z.object({ id: z.string(), name: z.string(), organisation: z.string().nullable(), organisationVerified: z.boolean() }),
    result: z.object({ id: z.string(), title: z.string() }).nullable(),
    broker: z.object({ name: z.string() }).nullable(),
    respondBy: isoDate.nullable(),
    lapsed: z.boolean(),
    companyAcceptedAt: isoDate.nullable(),
    researcherAcceptedAt: isoDate.nullable(),
    awaitingMyAnswer: z.boolean(),
    declineReason: z.string().nullable(),
    moves: z.array(dealStateSchema).describe("States the caller may move the deal to now"),
    contract: z
      .object({
        mode: z.string(),
        valueCny: z.number(),
        contractRegistrationNo: z.string().nullable().describe("技术合同登记 number"),
        signedAt: isoDate,
        milestones: z.array(milestoneSchema),
        followUps: z.array(
          z.object({
            id: z.string(),
            monthsAfter: z.number().int(),
            dueAt: isoDate,
            opensAt: isoDate.describe("From when the outcome may be recorded (a month before it is due)"),
            completedAt: isoDate.nullable(),
            productLaunched: z.boolean().nullable(),
            revenueCny: z.number().nullable(),
            patentsFiled: z.number().int().nullable(),
            jobsCreated: z.number().int().nullable(),
            notes: z.string().nullable(),
          }),
        ),
      })
      .nullable(),
    createdAt: isoDate,
  })
  .describe("A deal (introduction) as the caller may see it");

export const dealDetailSchema = z.object({
  deal: dealViewSchema,
  timeline: z.array(
    z.object({
      id: z.string(),
      from: dealStateSchema.nullable(),
      to: dealStateSchema,
      at: isoDate,
      actor: z.string(),
      actorSide: sideSchema,
      note: z.string().nullable(),
    }),
  ),
  messages: z.array(z.object({ id: z.string(), body: z.string(), at: isoDate, sender: z.string(), mine: z.boolean() })),
});

export const dealMoveResultSchema = z
  .object({ state: dealStateSchema, version: z.number().int(), contractId: z.string().optional() })
  .describe("The deal's state and version after the change");

const dealDetailMatches: Equal<z.output<typeof dealDetailSchema>, DealDetail> = true;
void dealDetailMatches;
