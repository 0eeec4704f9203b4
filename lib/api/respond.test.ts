import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { fromDatabaseError, jsonError, localizedMessage } from "./respond";

function prismaError(code: string, meta: unknown): Error {
  return Object.assign(new Error("db said no"), { name: "PrismaClientKnownRequestError", code, meta });
}

describe("localizedMessage", () => {
  it("keeps English messages for English callers", () => {
    expect(localizedMessage("NOT_FOUND", "Not found", "en")).toBe("Not found");
  });

  it("replaces English service messages with the Chinese wording of the code", () => {
    expect(localizedMessage("NOT_FOUND", "Not found", "zh-CN")).toBe("未找到");
    expect(localizedMessage("CONFLICT", "This need was changed by someone else", "zh-CN")).toMatch(/已被他人修改/);
  });

  it("keeps a message that is already Chinese", () => {
    expect(localizedMessage("VALIDATION", "部分字段有误", "zh-CN")).toBe("部分字段有误");
  });
});

describe("fromDatabaseError", () => {
  it("turns a unique violation into 409 naming the taken column", () => {
    const e = fromDatabaseError(
      prismaError("P2002", { modelName: "Result", driverAdapterError: { cause: { constraint: { index: "Result_organisationId_externalId_key" } } } }),
      "en",
    );
    expect(e?.status).toBe(409);
    expect(e?.fields).toEqual({ externalId: ["This value is already in use"] });
  });

  it("turns an out-of-range number into 422", () => {
    expect(fromDatabaseError(prismaError("P2020", { modelName: "Need" }), "zh-CN")).toMatchObject({ code: "VALIDATION", message: "数值超出允许范围" });
  });

  it("leaves other errors alone", () => {
    expect(fromDatabaseError(prismaError("P2028", {}), "en")).toBeNull();
    expect(fromDatabaseError(new Error("boom"), "en")).toBeNull();
    expect(fromDatabaseError(new AppError("CONFLICT", "x"), "en")).toBeNull();
  });
});

describe("jsonError", () => {
  it("maps an AppError to its status and the error envelope", async () => {
    const res = jsonError(new AppError("VALIDATION", "Some fields are invalid", { fields: { title: ["Too short"] } }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: "VALIDATION", message: "Some fields are invalid", fields: { title: ["Too short"] } } });
  });

  it("sends Retry-After when the error carries it", () => {
    expect(jsonError(new AppError("RATE_LIMITED", "Slow down", { retryAfterSeconds: 7 })).headers.get("retry-after")).toBe("7");
  });

  it("never leaks an unexpected error's message", async () => {
    const res = jsonError(new Error("password=hunter2 at db host"), { locale: "zh-CN" });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "服务器出错了，请稍后再试" } });
  });
});
