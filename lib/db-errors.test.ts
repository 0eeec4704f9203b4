import { describe, expect, it } from "vitest";
import { isClientAbort, isDatabaseUnavailable } from "./db-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises refused and terminated connections, also when wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: { code: "57P01", message: "terminating connection due to administrator command" } }))).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
  });

  it("recognises a server in crash recovery, as Prisma reports it (P2039 with the driver's error under meta)", () => {
    const prismaError = Object.assign(new Error("Invalid `prisma.apiToken.findFirst()` invocation: Database error"), {
      name: "PrismaClientKnownRequestError",
      code: "P2039",
      meta: {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { originalCode: "57P03", kind: "postgres", message: "the database system is not yet accepting connections" },
        },
      },
    });
    expect(isDatabaseUnavailable(prismaError)).toBe(true);
    expect(isDatabaseUnavailable(new Error("FATAL: the database system is not yet accepting connections"))).toBe(true);
  });

  it("leaves ordinary query errors alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});

// Node's error when the HTTP client goes away while its request is read (IncomingMessage "aborted").
const requestAborted = () => Object.assign(new Error("aborted"), { code: "ECONNRESET" });

describe("isClientAbort", () => {
  it("recognises a request whose client went away, also when wrapped (e.g. by a body parser)", () => {
    expect(isClientAbort(requestAborted())).toBe(true);
    expect(isClientAbort(new TypeError("Failed to parse body as FormData.", { cause: requestAborted() }))).toBe(true);
    expect(isClientAbort(Object.assign(new Error("The client aborted"), { name: "ResponseAborted" }))).toBe(true);
  });

  it("is not fooled by a dropped database connection, which has the same code", () => {
    expect(isClientAbort(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
    expect(isClientAbort(new Error("Connection terminated unexpectedly"))).toBe(false);
  });

  it("counts an AbortError only when the request's own signal was aborted", () => {
    const abortError = new DOMException("This operation was aborted", "AbortError");
    const client = new AbortController();
    expect(isClientAbort(abortError, client.signal)).toBe(false); // an internal cancellation
    client.abort();
    expect(isClientAbort(abortError, client.signal)).toBe(true);
  });

  it("is never taken for an unavailable database", () => {
    expect(isDatabaseUnavailable(requestAborted())).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Failed to parse body", { cause: requestAborted() }))).toBe(false);
    // The database's own resets still are.
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
  });
});
