// One error type for the whole app. `code` decides the HTTP status. Services never word errors:
// they give a message `key` (messages/<locale>/errors.json) with `params`, and field problems as
// validation keys ("v.required" = messages/<locale>/validation.json `required`) or raw zod issues;
// the edge (page, action, API, mail) words them in the reader's language with `wordError` and
// `wordFields` (lib/errors-edge.ts). `detail` goes to logs only.
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
/** Field errors as a reader sees them (worded): what forms and the API show. */
export type FieldErrors = Record<string, string[]>;
export type ErrorParams = Record<string, string | number>;
/** A field's problem before wording: a validation key ("v.required") and its params. */
export type FieldIssue = `v.${string}` | { key: `v.${string}`; params?: ErrorParams };
export type FieldIssues = Record<string, FieldIssue[]>;
/** A zod issue as `safeParse(input, { reportInput: true })` gives it (worded at the edge by code). */
export type RawIssue = { code: string; path: PropertyKey[]; message: string; input?: unknown } & Record<string, unknown>;

export type AppErrorOptions = {
  /** Message key under the "errors" namespace, e.g. "needChanged". */
  key?: string;
  params?: ErrorParams;
  fields?: FieldIssues;
  /** Raw zod issues of invalid input (lib/validation/parse-input.ts `parseOrThrow`). */
  issues?: readonly RawIssue[];
  detail?: unknown;
  cause?: unknown;
  retryAfterSeconds?: number;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key?: string;
  readonly params?: ErrorParams;
  readonly fields?: FieldIssues;
  declare readonly issues?: readonly RawIssue[];
  readonly detail?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.key ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.key = options.key;
    this.params = options.params;
    this.fields = options.fields;
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
    // Raw issues may carry the input: keep them out of logs and JSON.
    Object.defineProperty(this, "issues", { value: options.issues, enumerable: false });
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** 404: missing, or not visible to the actor (never tells which). */
export const notFound = (key?: string, params?: ErrorParams) => new AppError("NOT_FOUND", { key, params });
export const forbidden = (key?: string, params?: ErrorParams) => new AppError("FORBIDDEN", { key, params });
export const unauthenticated = (key?: string) => new AppError("UNAUTHENTICATED", { key });
export const conflict = (key: string, params?: ErrorParams, detail?: unknown) => new AppError("CONFLICT", { key, params, detail });
/** 422 with one field's problem; without a `key` the field's words are the message too. */
export const fieldError = (field: string, issue: FieldIssue, key?: string) => new AppError("VALIDATION", { key, fields: { [field]: [issue] } });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
