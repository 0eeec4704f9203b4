import type { ContactStatus } from "@/lib/generated/prisma/enums";

// A contact request's life as a pure table: only a PENDING request moves, once, to ACCEPTED or
// DECLINED (by the owner) or EXPIRED (by the deadline sweep). Services look moves up here.
const NEXT: Record<ContactStatus, readonly ContactStatus[]> = {
  PENDING: ["ACCEPTED", "DECLINED", "EXPIRED"],
  ACCEPTED: [],
  DECLINED: [],
  EXPIRED: [],
};

export function canMoveContact(from: ContactStatus, to: ContactStatus): boolean {
  return NEXT[from].includes(to);
}
