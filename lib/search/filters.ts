// Safe Meilisearch filter building. User input never gets concatenated into a filter expression
// as-is: every value is validated against the pattern of its attribute AND goes through ONE
// quoting helper (`quote`). Pure: unit-tested with injection attempts.

export class FilterValueError extends Error {
  constructor(
    readonly attribute: string,
    readonly value: unknown,
  ) {
    super(`Invalid filter value for ${attribute}`);
    this.name = "FilterValueError";
  }
}

/** Quotes a string as a Meilisearch filter value: "..." with \ and " escaped. */
export function quote(value: string): string {
  // Control characters have no business in a filter value.
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new FilterValueError("value", value);
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

// What each attribute's values may look like. Free-text-ish attributes (field, region) allow
// letters of any script, digits, spaces and a few punctuation marks; ids allow cuid-like tokens.
const PATTERNS = {
  id: /^[A-Za-z0-9_-]{1,64}$/,
  chainId: /^[A-Za-z0-9_.-]{1,64}$/,
  chainNodeId: /^[A-Za-z0-9_.-]{1,64}$/,
  organisationId: /^[A-Za-z0-9_-]{1,64}$/,
  field: /^[\p{L}\p{N}][\p{L}\p{N} _&/().,·-]{0,79}$/u,
  region: /^[\p{L}\p{N}][\p{L}\p{N} _/().,·-]{0,79}$/u,
  lang: /^(zh|en)$/,
  status: /^(DRAFT|SUBMITTED|PUBLISHED|IN_PROGRESS|SOLVED|CLOSED|EXPIRED|WITHDRAWN)$/,
  visibility: /^(PUBLIC|ANONYMOUS|CONFIDENTIAL|BROKER_ONLY)$/,
  collaborationModes: /^(LICENCE|ASSIGNMENT|CO_DEVELOPMENT|COMMISSIONED_RD|TECHNICAL_SERVICE|EQUITY|CONSULTING)$/,
} as const;

export type FilterAttribute = keyof typeof PATTERNS;

/** `attr = "value"` after validating the value against the attribute's pattern. */
export function eq(attribute: FilterAttribute, value: string): string {
  if (typeof value !== "string" || !PATTERNS[attribute].test(value)) throw new FilterValueError(attribute, value);
  return `${attribute} = ${quote(value)}`;
}

/** `attr IN ["a", "b"]` after validating every value. */
export function oneOf(attribute: FilterAttribute, values: readonly string[]): string {
  if (values.length === 0) throw new FilterValueError(attribute, values);
  for (const v of values) if (typeof v !== "string" || !PATTERNS[attribute].test(v)) throw new FilterValueError(attribute, v);
  return `${attribute} IN [${values.map(quote).join(", ")}]`;
}

/** `trl >= n` / `trl <= n` with an integer 1-9. */
export function trlBound(op: ">=" | "<=", n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9) throw new FilterValueError("trl", n);
  return `trl ${op} ${n}`;
}

export type CatalogFilters = {
  chainId?: string;
  chainNodeId?: string;
  field?: string;
  trlMin?: number;
  trlMax?: number;
  lang?: "zh" | "en";
  region?: string;
  organisationId?: string;
  collaborationModes?: string[];
  /** broker index only */
  status?: string[];
  /** broker index only */
  visibility?: string[];
};

/** The AND-list of filter expressions for the given filters (Meilisearch array form). */
export function buildFilters(f: CatalogFilters | undefined): string[] {
  const out: string[] = [];
  if (!f) return out;
  if (f.chainId) out.push(eq("chainId", f.chainId));
  if (f.chainNodeId) out.push(eq("chainNodeId", f.chainNodeId));
  if (f.field) out.push(eq("field", f.field));
  if (f.lang) out.push(eq("lang", f.lang));
  if (f.region) out.push(eq("region", f.region));
  if (f.organisationId) out.push(eq("organisationId", f.organisationId));
  if (f.trlMin !== undefined) out.push(trlBound(">=", f.trlMin));
  if (f.trlMax !== undefined) out.push(trlBound("<=", f.trlMax));
  if (f.collaborationModes?.length) out.push(oneOf("collaborationModes", f.collaborationModes));
  if (f.status?.length) out.push(oneOf("status", f.status));
  if (f.visibility?.length) out.push(oneOf("visibility", f.visibility));
  return out;
}
