import type { Role } from "@/lib/generated/prisma/enums";

// The acting user, as every service receives it. `null` is an anonymous visitor.
export type Actor = {
  id: string;
  role: Role;
  organisationId: string | null;
  isOrgAdmin: boolean;
  email: string;
  name: string | null;
  /** Brokers only: the regions and chains a platform admin put in their portfolio, read with the user. */
  brokerPortfolio?: { regions: string[]; chainIds: string[] } | null;
};

export type MaybeActor = Actor | null;
