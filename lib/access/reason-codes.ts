// Reason codes an owner (or the broker acting for them) gives when deciding on access. Codes,
// not free text: they go into the audit log and emails, which must never carry confidential text.
export const APPROVE_REASONS = ["QUALIFIED", "BROKER_RECOMMENDED", "OTHER"] as const;
export const DECLINE_REASONS = ["NOT_RELEVANT", "INSUFFICIENT_INFO", "CONFLICT_OF_INTEREST", "NO_CAPACITY", "OTHER"] as const;
export const REVOKE_REASONS = ["PROJECT_CLOSED", "NDA_BREACH", "NO_LONGER_NEEDED", "OTHER"] as const;
export type ReasonCode = (typeof APPROVE_REASONS)[number] | (typeof DECLINE_REASONS)[number] | (typeof REVOKE_REASONS)[number];
export const DEFAULT_ACCESS_DAYS = 90;
