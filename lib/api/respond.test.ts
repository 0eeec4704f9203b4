import { describe, expect, it } from "vitest";
import { AppError, notFound } from "@/lib/errors";
import { fromDatabaseError, jsonError } from "./respond";

function prismaError(code: string, meta: unknown): Error {
  return Object.assign(new Error("db said no"), { name: "PrismaClientKnownRequestError", code, meta });
}

describe("fromDatabaseError", () => {
  it("turns a unique violation into 409 naming the taken column", () => {
    const e = fromDatabaseError(
      prismaError("P2002", { modelName: "Result", driverAdapterError: { cause: { constraint: { index: "Result_organisationId_externalId_key" } } } }),
    );
    expect(e?.status).toBe(409);
    expect(e?.fields).toEqual({ externalId: ["v.valueTaken"] });
  });

  it("turns an out-of-range number into 422", () => {
    expect(fromDatabaseError(prismaError("P2020", { modelName: "Need" }))).toMatchObject({ code: "VALIDATION", key: "api.outOfRange" });
  });

  it("leaves other errors alone", () => {
    expect(fromDatabaseError(prismaError("P2028", {}))).toBeNull();
    expect(fromDatabaseError(new Error("boom"))).toBeNull();
    expect(fromDatabaseError(new AppError("CONFLICT", { key: "needChanged" }))).toBeNull();
  });
});

describe("jsonError", () => {
  it("maps an AppError to its status and the error envelope, worded in the request's language", async () => {
    const error = new AppError("VALIDATION", { key: "invalidFields", fields: { title: ["v.required"] } });
    const en = jsonError(error, { locale: "en" });
    expect(en.status).toBe(422);
    expect(await en.json()).toEqual({ error: { code: "VALIDATION", message: "Some fields are invalid.", fields: { title: ["Required"] } } });
    expect(await jsonError(error, { locale: "zh-CN" }).json()).toEqual({
      error: { code: "VALIDATION", message: "部分字段有误。", fields: { title: ["必填"] } },
    });
  });

  it("words a code without a key generically, Chinese by default", async () => {
    expect(await jsonError(notFound()).json()).toEqual({ error: { code: "NOT_FOUND", message: "未找到，或您无权查看。" } });
    expect(await jsonError(notFound(), { locale: "en" }).json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found, or not visible to you." } });
  });

  it("sends Retry-After when the error carries it", () => {
    expect(jsonError(new AppError("RATE_LIMITED", { key: "tooManyRequests", retryAfterSeconds: 7 })).headers.get("retry-after")).toBe("7");
  });

  it("never leaks an unexpected error's message", async () => {
    const res = jsonError(new Error("password=hunter2 at db host"), { locale: "zh-CN" });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "服务器出错了，请稍后再试。" } });
  });
});
