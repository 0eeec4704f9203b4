import { z } from "zod";
import type { ThreadView } from "@/lib/access/access-thread";
import type { NdaView } from "@/lib/access/get-nda";
import type { OwnAccessRequestView, OwnerAccessRequestView } from "@/lib/access/list-access-requests";
import type { NeedAuditEntry } from "@/lib/access/list-need-audit";
import type { Equal } from "./response-schemas";

// What the confidential-access endpoints return, as zod schemas (documented in OpenAPI, checked
// against the services' types below).
const isoDate = z.string().describe("ISO 8601 timestamp");
const statusSchema = z.enum(["PENDING", "APPROVED", "DECLINED", "REVOKED"]);

export const ndaSchema = z.object({ version: z.number().int(), text: z.string(), textSha256: z.string() }).describe("The NDA a requester accepts");

const ownerRequestSchema = z.object({
  id: z.string(),
  status: statusSchema,
  live: z.boolean().describe("APPROVED, not revoked and not expired now"),
  reasonCode: z.string().nullable(),
  createdAt: isoDate,
  decidedAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  requester: z.object({ id: z.string(), name: z.string().nullable(), email: z.string(), organisation: z.string().nullable() }),
  nda: z.object({ version: z.number().int(), textSha256: z.string(), acceptedAt: isoDate.nullable(), ip: z.string().nullable() }),
});
const ownRequestSchema = z.object({
  id: z.string(),
  status: statusSchema,
  live: z.boolean(),
  reasonCode: z.string().nullable(),
  expiresAt: isoDate.nullable(),
  ndaVersion: z.number().int(),
});

export const accessRequestsSchema = z
  .union([z.object({ items: z.array(ownerRequestSchema) }), z.object({ own: ownRequestSchema.nullable() })])
  .describe("{ items } for the owner side, { own } for anyone else");

export const accessRequestCreatedSchema = z.object({ id: z.string(), status: z.literal("PENDING") });
export const accessDecisionSchema = z.object({ id: z.string(), status: z.enum(["APPROVED", "DECLINED"]), expiresAt: isoDate.nullable() });
export const accessRevokedSchema = z.object({ id: z.string(), status: z.literal("REVOKED") });

export const needAuditSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: isoDate,
      action: z.string(),
      actor: z.object({ id: z.string(), name: z.string().nullable(), email: z.string(), organisation: z.string().nullable() }).nullable(),
      detail: z.record(z.string(), z.unknown()).nullable(),
      ip: z.string().nullable(),
    }),
  ),
});

export const threadSchema = z.object({
  requestId: z.string(),
  needId: z.string(),
  status: z.string(),
  messages: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      createdAt: isoDate,
      side: z.enum(["requester", "owner"]),
      mine: z.boolean(),
      senderLabel: z.string().nullable().describe('null means "anonymous company" until the reveal'),
    }),
  ),
});
export const messageCreatedSchema = z.object({ id: z.string() }).loose();

const checks: [
  Equal<z.output<typeof ndaSchema>, NdaView>,
  Equal<z.output<typeof ownerRequestSchema>, OwnerAccessRequestView>,
  Equal<z.output<typeof ownRequestSchema>, OwnAccessRequestView>,
  Equal<z.output<typeof needAuditSchema>["items"][number], NeedAuditEntry>,
  Equal<z.output<typeof threadSchema>, ThreadView>,
] = [true, true, true, true, true];
void checks;
