// One error type for the whole app. `code` decides the HTTP status. Services never word errors:
// they give a message `key` (messages/<locale>/errors.json) with `params`, and field errors; the
// edge (page, action, API, mail) words them in the reader's language with `wordError`
// (lib/errors-edge.ts). `detail` goes to logs only.
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
export type FieldErrors = Record<string, string[]>;
export type ErrorParams = Record<string, string | number>;

export type AppErrorOptions = {
  /** Message key under the "errors" namespace, e.g. "needArchived". */
  key?: string;
  params?: ErrorParams;
  fields?: FieldErrors;
  detail?: unknown;
  cause?: unknown;
  retryAfterSeconds?: number;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key?: string;
  readonly params?: ErrorParams;
  readonly fields?: FieldErrors;
  readonly detail?: unknown;
  readonly retryAfterSeconds?: number;

  // A plain string second argument is the legacy worded message, kept while call sites move to
  // `{ key, params }` (issue 12); new code passes options only.
  constructor(code: ErrorCode, messageOrOptions: string | AppErrorOptions = {}, legacyOptions: AppErrorOptions = {}) {
    const options = typeof messageOrOptions === "string" ? legacyOptions : messageOrOptions;
    super(typeof messageOrOptions === "string" ? messageOrOptions : (options.key ?? code), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.key = options.key;
    this.params = options.params;
    this.fields = options.fields;
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", what);
export const forbidden = (why = "You are not allowed to do this") => new AppError("FORBIDDEN", why);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Sign in first");

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
