// Why an owner declines a contact request: codes, worded by messages contact.reasons.* (and the
// notification's ICU select). Client-safe.
export const CONTACT_DECLINE_REASONS = ["NOT_RELEVANT", "ALREADY_SOLVED", "NO_CAPACITY", "NOT_NOW", "OTHER"] as const;
export type ContactDeclineReason = (typeof CONTACT_DECLINE_REASONS)[number];

/** Days the owner has to answer; a reminder goes out REMIND_BEFORE_DAYS before the deadline. */
export const CONTACT_RESPOND_DAYS = 7;
export const CONTACT_REMIND_BEFORE_DAYS = 2;
