// Editing a result (owner organisation only, version-checked, index kept in sync by the committed
// job) and result attachments (create form and the upload route), against the real database and
// Meilisearch.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/policy").MaybeActor }));
// The upload route and the server actions read the signed-in user from Next; here it is set per test.
vi.mock("@/lib/auth/current-actor", () => ({ getCurrentActor: async () => session.actor }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));

import { POST as uploadAttachment } from "@/app/api/attachments/route";
import { GET as downloadAttachment } from "@/app/api/attachments/[id]/route";
import { updateResultAction } from "@/app/[locale]/results/[id]/edit/actions";
import { runJobs } from "@/tests/kits/access-test-kit";
import { createApiUser, resultBody, type ApiUser } from "@/tests/kits/api-test-kit";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { prisma } from "@/lib/db";
import { idleState } from "@/lib/forms/form-state";
import { indexFor } from "@/lib/search/client";
import { seedTaxonomy } from "@/scripts/seed";
import { createResult } from "./create-result";
import { createResultSchema, updateResultSchema } from "./schemas";
import { updateResult } from "./update-result";

/** Runs the queued index batches, as the worker would (the matching they chain waits). */
const runIndexJobs = () => runJobs(["index-results"]);

let owner: ApiUser;
let colleague: ApiUser;
let otherOrg: ApiUser;
let broker: ApiUser;
let company: ApiUser;

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const HTML_AS_PDF = new TextEncoder().encode("<html><script>alert(1)</script></html>");

const create = (u: ApiUser, overrides: Record<string, unknown> = {}, files: { name: string; bytes: Uint8Array }[] = []) =>
  createResult(u.actor, createResultSchema.parse(resultBody(overrides)), files);
const edit = (id: string, version: number, overrides: Record<string, unknown> = {}) => updateResultSchema.parse({ ...resultBody(overrides), version });

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  owner = await createApiUser("RESEARCHER");
  colleague = await createApiUser("RESEARCHER");
  // A colleague in the same organisation (the owner's org), with the same role.
  await prisma.user.update({ where: { id: colleague.actor.id }, data: { organisationId: owner.organisationId } });
  colleague.actor = { ...colleague.actor, organisationId: owner.organisationId };
  otherOrg = await createApiUser("RESEARCHER");
  broker = await createApiUser("BROKER");
  company = await createApiUser("COMPANY");
});

describe("updateResult", () => {
  it("lets the owner organisation edit, bumps the version and updates the index through the committed job", async () => {
    const { id } = await create(owner, { title: "硫化物固态电解质旧标题" });
    await runIndexJobs();
    expect(await indexFor("results").getDocument(id)).toMatchObject({ title: "硫化物固态电解质旧标题" });

    const out = await updateResult(colleague.actor, id, edit(id, 1, { title: "卤化物固态电解质新工艺", trl: 7, lab: "" }));
    expect(out).toEqual({ id, version: 2 });
    const row = await prisma.result.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "卤化物固态电解质新工艺", trl: 7, lab: null, version: 2 });
    const jobs = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload::jsonb ? ${id}`;
    expect(jobs[0]!.n).toBe(1);
    await runIndexJobs();
    expect(await indexFor("results").getDocument(id)).toMatchObject({ title: "卤化物固态电解质新工艺" });
  });

  it("answers 404 to everyone outside the organisation, even when they can read the result", async () => {
    const { id } = await create(owner);
    for (const u of [otherOrg, broker, company]) {
      await expect(updateResult(u.actor, id, edit(id, 1, { title: "被他人篡改的标题" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(updateResult(owner.actor, "no-such-result", edit("x", 1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma.result.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("refuses a stale edit with 409, and an external id another result of the organisation uses", async () => {
    const { id } = await create(owner, { externalId: "EDIT-1" });
    await create(owner, { externalId: "EDIT-2" });
    await updateResult(owner.actor, id, edit(id, 1, { title: "第一次修改的标题", externalId: "EDIT-1" }));
    await expect(updateResult(colleague.actor, id, edit(id, 1, { title: "基于旧版本的修改" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("reload"),
    });
    await expect(updateResult(owner.actor, id, edit(id, 2, { externalId: "EDIT-2" }))).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { externalId: ["This value is already in use"] },
    });
    expect(await prisma.result.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "第一次修改的标题", version: 2 });
  });

  it("the edit action parses with the shared schema and returns field errors, or 'not found' for another organisation", async () => {
    const { id } = await create(owner);
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };
    const valid = { title: "动作编辑后的标题", summary: String(resultBody().summary), field: "新能源", version: "1" };
    session.actor = owner.actor;
    const bad = await updateResultAction("en", idleState, form({ ...valid, resultId: id, trl: "12" }));
    expect(bad).toMatchObject({ status: "error", fields: { trl: [expect.any(String)] } });
    await expect(updateResultAction("en", idleState, form({ ...valid, resultId: id }))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    expect((await prisma.result.findUniqueOrThrow({ where: { id } })).title).toBe("动作编辑后的标题");
    session.actor = otherOrg.actor;
    expect(await updateResultAction("en", idleState, form({ ...valid, resultId: id, version: "2" }))).toMatchObject({
      status: "error",
      message: expect.stringMatching(/not.found/i),
    });
    session.actor = null;
  });
});

describe("result attachments", () => {
  const upload = async (u: ApiUser | null, fields: Record<string, string | File>, locale = "en", headers: Record<string, string> = {}) => {
    session.actor = u?.actor ?? null;
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const res = await uploadAttachment(new Request(`http://localhost/api/attachments?locale=${locale}`, { method: "POST", body, headers }));
    session.actor = null;
    return { status: res.status, json: (await res.json()) as { id?: string; error?: { code: string; message: string; fields?: Record<string, string[]> } } };
  };

  it("the create form stores checked files with the result, and refuses the whole form for a bad one", async () => {
    const { id } = await create(owner, {}, [
      { name: "说明书.pdf", bytes: PDF },
      { name: "photo.png", bytes: PNG },
    ]);
    const rows = await prisma.attachment.findMany({ where: { resultId: id }, orderBy: { fileName: "asc" } });
    expect(rows.map((r) => [r.fileName, r.contentType])).toEqual([
      ["photo.png", "image/png"],
      ["说明书.pdf", "application/pdf"],
    ]);

    const before = await prisma.result.count();
    await expect(
      create(owner, { title: "带伪装附件的成果" }, [
        { name: "ok.pdf", bytes: PDF },
        { name: "fake.pdf", bytes: HTML_AS_PDF },
      ]),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      fields: { attachments: [expect.stringContaining("fake.pdf")] },
    });
    expect(await prisma.result.count()).toBe(before);
  });

  it("the upload route takes a good file for the owner's result and serves it back to readers", async () => {
    const { id } = await create(owner);
    const ok = await upload(owner, { resultId: id, file: new File([PDF], "报告.pdf", { type: "application/pdf" }) });
    expect(ok.status).toBe(201);
    session.actor = otherOrg.actor; // a published result's files are readable by signed-in users
    const res = await downloadAttachment(new Request(`http://localhost/api/attachments/${ok.json.id}`), { params: Promise.resolve({ id: ok.json.id! }) });
    session.actor = null;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("the upload route refuses a page of another site (Origin) and stores nothing", async () => {
    const { id } = await create(owner);
    const res = await upload(owner, { resultId: id, file: new File([PDF], "x.pdf", { type: "application/pdf" }) }, "en", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await prisma.attachment.count({ where: { resultId: id } })).toBe(0);
    const same = await upload(owner, { resultId: id, file: new File([PDF], "x.pdf", { type: "application/pdf" }) }, "en", {
      origin: "http://localhost",
      host: "localhost",
    });
    expect(same.status).toBe(201);
  });

  it("the upload route refuses a file whose content is not PDF or an image, and an oversized one, stating the limit", async () => {
    const { id } = await create(owner);
    const wrong = await upload(owner, { resultId: id, file: new File([HTML_AS_PDF], "report.pdf", { type: "application/pdf" }) });
    expect(wrong.status).toBe(415);
    expect(wrong.json.error?.message).toMatch(/PDF and images/);

    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    const tooLarge = await upload(owner, { resultId: id, file: new File([big], "big.pdf", { type: "application/pdf" }) }, "zh-CN");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error?.message).toContain(`${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);

    expect((await upload(otherOrg, { resultId: id, file: new File([PDF], "x.pdf") })).status).toBe(404);
    expect((await upload(null, { resultId: id, file: new File([PDF], "x.pdf") })).status).toBe(401);
    expect(await prisma.attachment.count({ where: { resultId: id } })).toBe(0);
  });
});
