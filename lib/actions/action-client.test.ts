import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor, MaybeActor } from "@/lib/policy";

// The action client with the real policy table, zod, error wording and messages; only what Next
// gives a request (the signed-in user, revalidation) is stood in for.
const session = vi.hoisted(() => ({ actor: null as MaybeActor, revalidated: [] as string[] }));
vi.mock("@/lib/auth/current-actor", () => ({ getCurrentActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void session.revalidated.push(path) }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("@/lib/i18n/translator");
  return {
    getTranslations: async ({ locale, namespace }: { locale: "zh-CN" | "en"; namespace?: string }) => {
      const t = await translatorFor(locale);
      const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
      return Object.assign((key: string, params?: Record<string, string | number>) => t(full(key), params), { has: (key: string) => t.has(full(key)) });
    },
  };
});

const { memberAction, publicAction } = await import("./action-client");
const { AppError } = await import("@/lib/errors");

const member: Actor = { id: "u1", role: "COMPANY", organisationId: "o1", isOrgAdmin: false, email: "a@example.cn", name: "A" };
const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) fd.append(k, one);
  return fd;
};

const schema = z.strictObject({
  needId: z.string().min(1),
  title: z.string().trim().min(4),
  budget: z.coerce.number().int().optional(),
  modes: z.array(z.string()).optional(),
});

beforeEach(() => {
  session.actor = member;
  session.revalidated = [];
});

describe("the action client", () => {
  it("turns a parse failure into field errors in the reader's language, echoing the input but never a password", async () => {
    const body = vi.fn();
    const action = memberAction.schema(schema.safeExtend({ password: z.string().min(10) })).action(body);
    const zh = await action("zh-CN", null, form({ needId: "n1", title: "ab", password: "short" }));
    expect(zh).toMatchObject({ status: "error", message: "请修正标出的字段。", values: { needId: "n1", title: "ab" } });
    expect(Object.keys(zh.fields ?? {}).sort()).toEqual(["password", "title"]);
    expect(zh.values).not.toHaveProperty("password");
    const en = await action("en", null, form({ needId: "n1", title: "ab", password: "long-enough-1" }));
    expect(en.message).toBe("Please fix the marked fields.");
    expect(body).not.toHaveBeenCalled();
  });

  it("reads only the schema's fields: a hand-added hidden field (role, organisationId) never reaches the body", async () => {
    const body = vi.fn(async () => undefined);
    const action = memberAction.schema(schema).action(body);
    expect((await action("en", null, form({ needId: "n1", title: "注塑模具", role: "ADMIN", organisationId: "other" }))).status).toBe("success");
    expect((await action("en", null, { needId: "n1", title: "注塑模具", role: "ADMIN", isOrgAdmin: true })).status).toBe("success");
    for (const [{ input }] of body.mock.calls as unknown as [{ input: object }][]) expect(input).toEqual({ needId: "n1", title: "注塑模具" });
  });

  it("takes blank fields as absent and a hidden empty input as an empty list", async () => {
    const body = vi.fn<(context: { input: object }) => Promise<undefined>>(async () => undefined);
    await memberAction.schema(schema).action(body)("en", null, form({ needId: "n1", title: "注塑模具", budget: " ", modes: "" }));
    expect(body.mock.calls[0]![0]).toMatchObject({ input: { needId: "n1", title: "注塑模具", modes: [] } });
    expect(body.mock.calls[0]![0].input).not.toHaveProperty("budget");
  });

  it("refuses a signed-out visitor and a role the policy denies before reading the input", async () => {
    const body = vi.fn();
    session.actor = null;
    expect(await memberAction.schema(schema).action(body)("zh-CN", null, {})).toMatchObject({ status: "error", message: "请先登录。" });
    session.actor = member;
    expect(await memberAction.authorize("admin.jobs").action(body)("en", null, {})).toMatchObject({ status: "error" });
    expect(body).not.toHaveBeenCalled();
    // publicAction lets the visitor through with actor null.
    session.actor = null;
    const visitor = vi.fn(async ({ actor }: { actor: MaybeActor }) => ({ who: String(actor) }));
    expect(await publicAction.action(visitor)("en", null, {})).toMatchObject({ status: "success", data: { who: "null" } });
  });

  it("words a service's AppError key in the reader's language and hides unexpected errors", async () => {
    const keyed = memberAction.action(async () => {
      throw new AppError("PAYLOAD_TOO_LARGE", { key: "import.tooLarge", params: { mb: 10 } });
    });
    expect((await keyed("zh-CN", null, {})).message).toBe("文件过大：不超过 10 MB。");
    expect((await keyed("en", null, {})).message).toBe("File too large: at most 10 MB.");
    const broken = memberAction.action(async () => {
      throw new Error("db password=secret");
    });
    const state = await broken("en", null, {});
    expect(state.status).toBe("error");
    expect(state.message).not.toContain("secret");
  });

  it("revalidates with the locale, words the success message and hands back the body's data", async () => {
    const action = memberAction
      .schema(schema)
      .revalidate(({ needId }) => `/needs/${needId}`)
      .success(({ input, t }) => t("staff.revoked", { email: input.title }))
      .action(async ({ input }) => ({ id: input.needId }));
    expect(await action("en", null, { needId: "n9", title: "x@example.cn" })).toMatchObject({
      status: "success",
      message: expect.stringContaining("x@example.cn"),
      data: { id: "n9" },
    });
    expect(session.revalidated).toEqual(["/en/needs/n9"]);
    const keyed = await memberAction.success("orgs.verified").action(async () => undefined)("zh-CN", null, {});
    expect(keyed.message).toBeTruthy();
  });

  it("redirects after success to a path in the reader's locale, never after a failure", async () => {
    const action = memberAction
      .schema(schema)
      .redirect(({ data }) => `/needs/${(data as { id: string }).id}`)
      .action(async () => ({ id: "new1" }));
    await expect(action("en", null, { needId: "n1", title: "注塑模具" })).rejects.toMatchObject({ digest: expect.stringContaining("/en/needs/new1") });
    expect((await action("en", null, { needId: "n1", title: "x" })).status).toBe("error");
  });

  it("stays on the page with its success message when the redirect gives no path (a form's 'save only' button)", async () => {
    const action = memberAction
      .schema(schema)
      .success("orgs.verified")
      .redirect(({ input }) => (input.title === "起草一个需求" ? "/needs/new" : undefined))
      .action(async () => ({ id: "v1" }));
    expect(await action("en", null, { needId: "n1", title: "只保存拜访" })).toMatchObject({
      status: "success",
      message: expect.any(String),
      data: { id: "v1" },
    });
    await expect(action("en", null, { needId: "n1", title: "起草一个需求" })).rejects.toMatchObject({ digest: expect.stringContaining("/en/needs/new") });
  });

  it("with keepValid saves what is valid and reports the rest with the body's data (autosave)", async () => {
    const body = vi.fn<(context: { input: object }) => Promise<{ id: string }>>(async () => ({ id: "d1" }));
    const action = memberAction.schema(schema, { keepValid: true }).action(body);
    const state = await action("en", null, { needId: "n1", title: "注塑模具", budget: "abc" });
    expect(body.mock.calls[0]![0]).toMatchObject({ input: { needId: "n1", title: "注塑模具" } });
    expect(state).toMatchObject({ status: "error", fields: { budget: [expect.any(String)] }, data: { id: "d1" } });
  });

  it("picks the schema for the actor (e.g. the roles an organisation may invite)", async () => {
    const action = memberAction
      .schema(async ({ actor }) => z.strictObject({ role: z.enum(actor.role === "COMPANY" ? ["COMPANY"] : ["RESEARCHER"]) }))
      .action(async () => undefined);
    expect((await action("en", null, form({ role: "COMPANY" }))).status).toBe("success");
    expect((await action("en", null, form({ role: "BROKER" }))).fields).toHaveProperty("role");
  });
});
