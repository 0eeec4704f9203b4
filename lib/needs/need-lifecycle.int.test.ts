// Wizard drafts, publishing, broker drafts after a visit, and the re-confirmation sweep,
// against the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { runJobs } from "@/tests/kits/access-test-kit";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { prisma } from "@/lib/db";
import { createVisit } from "@/lib/visits/create-visit";
import { seedTaxonomy } from "@/scripts/seed";
import { expireOverdueNeeds } from "./expire-needs";
import { getNeedForEdit } from "./need-edit-view";
import { saveNeedDraft } from "./save-need-draft";
import { needDraftSchema } from "./schemas";
import { transitionNeed } from "./transition-need";

let company: ApiUser;
let broker: ApiUser;
let rival: ApiUser;
const DAY = 86_400_000;
/** Runs the queued notification emails only, as the worker would (index and matching jobs wait). */
const runEmailJobs = () => runJobs(["email-notification"]);
const draft = (v: Record<string, unknown>) => needDraftSchema.parse(v);
const full = {
  title: "智能手环抗磁干扰姿态估计",
  description: "我们的智能手环在地铁、电梯等强磁环境下航向漂移严重，需要能识别磁干扰并保持航向稳定的姿态估计算法。",
  field: "传感器",
  keywords: "姿态估计、磁干扰",
  acceptanceCriteria: "航向误差 < 3 度",
  budgetMinCny: "100000",
  budgetMaxCny: "300000",
  chainNodeId: "sensor.fusion",
};

beforeAll(async () => {
  await seedTaxonomy(prisma as never);
  company = await createApiUser("COMPANY");
  broker = await createApiUser("BROKER");
  rival = await createApiUser("COMPANY");
});

describe("wizard drafts and publishing", () => {
  it("saves a half-written draft, refuses to publish it with field errors, then publishes it", async () => {
    const { id } = await saveNeedDraft(company.actor, {}, draft({ title: "手环" }));
    expect((await prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    await expect(transitionNeed(company.actor, id, "publish")).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { title: [expect.any(String)], description: [expect.any(String)], field: [expect.any(String)] },
    });
    await saveNeedDraft(company.actor, { needId: id }, draft(full));
    const view = await getNeedForEdit(company.actor, id);
    expect(view.values.acceptanceCriteria).toBe("航向误差 < 3 度");
    expect(view.keywords).toEqual(["姿态估计", "磁干扰"]);
    await transitionNeed(company.actor, id, "publish");
    const row = await prisma.need.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.reconfirmBy!.getTime() - row.publishedAt!.getTime()).toBe(90 * DAY);
    // A published need is no longer a draft.
    await expect(saveNeedDraft(company.actor, { needId: id }, draft(full))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("hides another company's draft", async () => {
    const { id } = await saveNeedDraft(company.actor, {}, draft({ title: "秘密草稿" }));
    await expect(getNeedForEdit(rival.actor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveNeedDraft(rival.actor, { needId: id }, draft({ title: "x" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(transitionNeed(rival.actor, id, "withdraw")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("broker-assisted drafts", () => {
  it("a broker records a visit and drafts a need that only the company can publish", async () => {
    const visit = await createVisit(broker.actor, {
      organisationId: company.organisationId,
      visitedOn: new Date(),
      peopleMet: "王总（CTO）",
      notes: "手环产品线航向漂移问题",
    });
    const { id } = await saveNeedDraft(broker.actor, { visitId: visit.id }, draft(full));
    const row = await prisma.need.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organisationId: company.organisationId, brokerId: broker.actor.id, visitId: visit.id, status: "DRAFT" });
    // Authorisation errors on a row are 404s by design (lib/policy authorize).
    await expect(transitionNeed(broker.actor, id, "publish")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seenByCompany = await getNeedForEdit(company.actor, id);
    expect(seenByCompany.draftedByBroker).toMatchObject({ peopleMet: "王总（CTO）" });
    await transitionNeed(company.actor, id, "publish");
    // Once published, the broker can no longer edit it.
    await expect(saveNeedDraft(broker.actor, { needId: id }, draft(full))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a visit to a company that does not exist and a draft on another broker's visit", async () => {
    await expect(createVisit(broker.actor, { organisationId: "nope", visitedOn: new Date(), peopleMet: "x y", notes: "x y" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const other = await createApiUser("BROKER");
    const visit = await createVisit(broker.actor, { organisationId: company.organisationId, visitedOn: new Date(), peopleMet: "李工", notes: "电池" });
    await expect(saveNeedDraft(other.actor, { visitId: visit.id }, draft(full))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("re-confirmation", () => {
  it("expires needs past their date and re-confirming revives them", async () => {
    const make = async (reconfirmInDays: number) => {
      const { id } = await saveNeedDraft(company.actor, {}, draft(full));
      await transitionNeed(company.actor, id, "publish");
      await prisma.need.update({ where: { id }, data: { reconfirmBy: new Date(Date.now() + reconfirmInDays * DAY) } });
      return id;
    };
    const overdue = await make(-1);
    const fine = await make(60);
    const first = await expireOverdueNeeds(prisma);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await prisma.need.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(overdue), await status(fine)]).toEqual(["EXPIRED", "PUBLISHED"]);

    await transitionNeed(company.actor, overdue, "reconfirm");
    const revived = await prisma.need.findUniqueOrThrow({ where: { id: overdue } });
    expect(revived.status).toBe("PUBLISHED");
    expect(revived.reconfirmBy!.getTime()).toBeGreaterThan(Date.now() + 89 * DAY);
  });

  it("reminds the owner 14 and 3 days before, once each, in-app and by email with a link to re-confirm, then tells them it expired", async () => {
    const owner = await createApiUser("COMPANY");
    const colleague = await createApiUser("COMPANY");
    await prisma.user.update({ where: { id: colleague.actor.id }, data: { organisationId: owner.organisationId } });
    await prisma.user.update({ where: { id: owner.actor.id }, data: { locale: "en" } });
    const { id } = await saveNeedDraft(owner.actor, {}, draft({ ...full, title: "Magnetically robust attitude estimation for wristbands" }));
    await transitionNeed(owner.actor, id, "publish");
    const by = (await prisma.need.findUniqueOrThrow({ where: { id } })).reconfirmBy!;
    const at = (daysBefore: number) => new Date(by.getTime() - daysBefore * DAY);
    const notices = (userId = owner.actor.id) =>
      prisma.notification.findMany({ where: { userId, kind: { in: ["need.reconfirm", "need.expired"] } }, orderBy: { createdAt: "asc" } });

    await expireOverdueNeeds(prisma, at(20));
    expect(await notices()).toEqual([]);

    await expireOverdueNeeds(prisma, at(13.5));
    await expireOverdueNeeds(prisma, at(13)); // the hourly sweep runs again: nothing new
    await expireOverdueNeeds(prisma, at(2.5));
    await expireOverdueNeeds(prisma, at(2));
    const reminders = await notices();
    expect(reminders.map((n) => [n.kind, n.title, n.link])).toEqual([
      ["need.reconfirm", "Re-confirm your need “Magnetically robust attitude estimation for wristbands” within 14 days", `/needs/${id}#reconfirm`],
      ["need.reconfirm", "Re-confirm your need “Magnetically robust attitude estimation for wristbands” within 3 days", `/needs/${id}#reconfirm`],
    ]);
    // The author is the one told; colleagues are not flooded.
    expect(await notices(colleague.actor.id)).toEqual([]);

    await runEmailJobs();
    const res = await fetch(`${process.env.MAIL_SINK_URL}/messages?to=${encodeURIComponent(owner.actor.email)}`);
    const mails = (await res.json()) as { subject: string; text: string }[];
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(m.subject).toContain("Re-confirm your need");
    for (const n of reminders) expect(mails.some((m) => m.text.includes(`/en/notifications/${n.id}/open`))).toBe(true);
    expect(await prisma.notification.count({ where: { userId: owner.actor.id, kind: "need.reconfirm", emailedAt: null } })).toBe(0);

    const sweep = await expireOverdueNeeds(prisma, new Date(by.getTime() + DAY));
    expect(sweep.expired).toBeGreaterThanOrEqual(1);
    expect((await prisma.need.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect((await notices()).map((n) => n.kind)).toEqual(["need.reconfirm", "need.reconfirm", "need.expired"]);

    // Re-confirming sets a new date; its reminders start afresh.
    await transitionNeed(owner.actor, id, "reconfirm");
    const next = (await prisma.need.findUniqueOrThrow({ where: { id } })).reconfirmBy!;
    expect(next.getTime()).toBeGreaterThan(by.getTime());
    await expireOverdueNeeds(prisma, new Date(next.getTime() - 10 * DAY));
    expect((await notices()).map((n) => n.kind)).toEqual(["need.reconfirm", "need.reconfirm", "need.expired", "need.reconfirm"]);
  });

  it("reminds every company member when a broker wrote the need", async () => {
    const owner = await createApiUser("COMPANY");
    const colleague = await createApiUser("COMPANY");
    await prisma.user.update({ where: { id: colleague.actor.id }, data: { organisationId: owner.organisationId } });
    const visit = await createVisit(broker.actor, { organisationId: owner.organisationId, visitedOn: new Date(), peopleMet: "王总", notes: "传感器" });
    const { id } = await saveNeedDraft(broker.actor, { visitId: visit.id }, draft(full));
    await transitionNeed(owner.actor, id, "publish");
    const by = (await prisma.need.findUniqueOrThrow({ where: { id } })).reconfirmBy!;
    await expireOverdueNeeds(prisma, new Date(by.getTime() - 5 * DAY));
    const rows = await prisma.notification.findMany({ where: { kind: "need.reconfirm", link: `/needs/${id}#reconfirm` } });
    expect(rows.map((r) => r.userId).sort()).toEqual([owner.actor.id, colleague.actor.id].sort());
    expect(rows[0]!.title).toBe("请在 5 天内确认需求「智能手环抗磁干扰姿态估计」仍然有效");
  });
});
