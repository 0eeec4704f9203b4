// The option lists of the schema's enums, derived from the Prisma enums (their runtime objects, in
// schema order), so a value added in prisma/schema.prisma reaches every form, filter and schema
// at once. No zod here: client components import these lists; the zod enums are built from them
// in lib/validation/common.ts. Labels come from messages: wizard `modes.<MODE>` (deal contracts:
// deal `mode.<MODE>`), need `<VISIBILITY>`. Pure.
import { BookingStatus, CollaborationMode, InstrumentService, OrgKind, PriceTier, PriceUnit, Visibility } from "@/lib/generated/prisma/enums";

export type { BookingStatus, CollaborationMode, InstrumentService, OrgKind, PriceTier, PriceUnit, Visibility };

const valuesOf = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];

export const COLLABORATION_MODES = valuesOf(CollaborationMode);

/** A contract records how the technology changes hands: every mode but a consulting engagement. */
export type ContractMode = Exclude<CollaborationMode, "CONSULTING">;
export const CONTRACT_MODES = COLLABORATION_MODES.filter((m): m is ContractMode => m !== "CONSULTING");

export const VISIBILITIES = valuesOf(Visibility);

/** Organisation kinds (monitor filters); labels: monitor `orgKind.<KIND>`. */
export const ORG_KINDS = valuesOf(OrgKind);
// Shared instruments (issue 17). Labels: instruments `service.<S>`, `unit.<U>`, `tier.<T>`, `status.<S>`.
export const INSTRUMENT_SERVICES = valuesOf(InstrumentService);
export const PRICE_UNITS = valuesOf(PriceUnit);
export const PRICE_TIERS = valuesOf(PriceTier);
export const BOOKING_STATUSES = valuesOf(BookingStatus);
