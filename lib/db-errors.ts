// Recognises "the database cannot be reached right now" among the errors Prisma (driver adapter
// pg) throws: refused/closed/terminated connections, pool connect timeouts, a server that is
// starting up or shutting down. Those become a 503 with a clear message instead of a 500 or a hang.
const CODES = new Set([
  "P1001",
  "P1002",
  "P1017",
  "P2024", // Prisma: unreachable, timed out, closed, pool timeout
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
  "08000",
  "08003",
  "08006",
  "08001",
  "08004", // connection exceptions
]);
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections|not accepting connections)|Can't reach database|timeout exceeded when trying to connect|Server has closed the connection|Client has encountered a connection error|Connection closed/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let cur: unknown = error;
  for (let depth = 0; depth < 6 && cur; depth++) {
    const e = cur as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    // The HTTP client's connection, not the database's, was reset (see isClientAbort).
    if (isRequestAbort(e)) return false;
    if (typeof e.code === "string" && CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && CODES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    // Prisma's known request errors (P2039, ...) carry the driver's error under meta, not cause.
    cur = e.cause ?? (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}

/**
 * The client abandoned the request: its connection closed before the answer, e.g. while the body
 * was being read. Node reports that as Error("aborted") with code ECONNRESET, the very code a
 * dropped database connection has, so it used to be logged (and answered) as "database
 * unavailable". Next.js aborts `request.signal` with a ResponseAborted error; an AbortError
 * counts when that signal was aborted (not for an internal timeout or cancellation).
 */
export function isClientAbort(error: unknown, signal?: AbortSignal | null): boolean {
  let cur: unknown = error;
  for (let depth = 0; depth < 6 && cur; depth++) {
    const e = cur as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    if (isRequestAbort(e) || e.name === "ResponseAborted") return true;
    if (e.name === "AbortError" && signal?.aborted) return true;
    cur = e.cause;
  }
  return false;
}

/** Node's error for an HTTP request whose client went away (http.IncomingMessage "aborted"). */
function isRequestAbort(e: { message?: unknown; code?: unknown }): boolean {
  return e.message === "aborted" && e.code === "ECONNRESET";
}

/**
 * A PostgreSQL exclusion-constraint violation (23P01), optionally of the named constraint, among
 * the errors Prisma (driver adapter pg) throws: the code sits on the error, its cause, or
 * meta.driverAdapterError, as for unavailability above.
 */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  let cur: unknown = error;
  for (let depth = 0; depth < 6 && cur; depth++) {
    const e = cur as { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown; cause?: unknown; constraint?: unknown };
    const is23P01 = e.code === "23P01" || e.originalCode === "23P01" || (e.cause as { originalCode?: unknown } | undefined)?.originalCode === "23P01";
    if (is23P01 || (typeof e.message === "string" && /exclusion constraint/i.test(e.message))) {
      if (!constraint) return true;
      const text = [e.message, e.originalMessage, e.constraint, JSON.stringify(e.cause ?? null)].filter((t) => typeof t === "string").join(" ");
      if (text.includes(constraint)) return true;
    }
    cur = e.cause ?? (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}
