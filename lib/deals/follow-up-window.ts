const OPEN_DAYS_BEFORE_DUE = 30;

/** An outcome "N months after the contract" cannot be known long before then: it opens a month before it is due. */
export function followUpOpensAt(dueAt: Date): Date {
  return new Date(dueAt.getTime() - OPEN_DAYS_BEFORE_DUE * 86_400_000);
}
