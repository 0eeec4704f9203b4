// Key project lists (重点项目清单): ownership, visibility of the needs behind an item, exports.
import { beforeAll, describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { keyListPdf, keyListXlsx, type KeyListWords } from "./export-key-list";
import { moveChallenge } from "@/lib/challenges/manage-challenge";
import { draftChallengeFromItem } from "./challenge-draft";
import { addKeyItem, annotateKeyItem, createKeyList, getKeyList } from "./key-project-list";

let analyst: ApiUser;
let other: ApiUser;
let company: ApiUser;
let admin: ApiUser;
const words: KeyListWords = {
  chain: "产业链",
  node: "节点",
  scoreAtAdd: "加入时指数",
  scoreNow: "当前指数",
  annotation: "批注",
  needs: "需求",
  exportedAt: "导出日期",
  challengeDraft: "榜单草稿",
};

beforeAll(async () => {
  [analyst, other, company, admin] = await Promise.all([createApiUser("ANALYST"), createApiUser("ANALYST"), createApiUser("COMPANY"), createApiUser("ADMIN")]);
  await prisma.industryChain.create({
    data: {
      id: "kl",
      nameZh: "清单链",
      nameEn: "List chain",
      nodes: { create: [{ id: "kl.up", stage: "UPSTREAM", nameZh: "固态电解质", nameEn: "Solid electrolyte" }] },
    },
  });
});

const need = (title: string, visibility: "PUBLIC" | "CONFIDENTIAL" | "BROKER_ONLY") =>
  prisma.need.create({
    data: {
      title,
      description: "d",
      field: "材料",
      visibility,
      status: "PUBLISHED",
      chainNodeId: "kl.up",
      organisationId: company.organisationId,
      createdById: company.actor.id,
      publishedAt: new Date(),
    },
  });

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe("key project lists", () => {
  it("keeps only needs the analyst may see, belongs to its owner, and exports XLSX and PDF with Chinese text", async () => {
    const open = await need("硫化物固态电解质界面稳定性", "PUBLIC");
    const secret = await need("机密：不应出现的需求标题", "BROKER_ONLY");
    const list = await createKeyList(analyst.actor, { title: "2026 年重点项目清单", note: "新能源" });
    expect(await code(addKeyItem(analyst.actor, { listId: list.id, chainNodeId: "kl.up", needIds: [open.id, secret.id] }))).toBe("NOT_FOUND");
    const item = await addKeyItem(analyst.actor, { listId: list.id, chainNodeId: "kl.up", needIds: [open.id], annotation: "卡脖子环节" });
    expect(await code(getKeyList(other.actor, list.id))).toBe("NOT_FOUND");
    expect(await code(annotateKeyItem(other.actor, { itemId: item.id, annotation: "x" }))).toBe("NOT_FOUND");

    const view = await getKeyList(analyst.actor, list.id);
    expect(view.items).toMatchObject([{ node: { id: "kl.up", nameZh: "固态电解质" }, annotation: "卡脖子环节", needs: [{ id: open.id }] }]);

    const xlsx = await keyListXlsx(view, words, "zh-CN");
    const sheet = await readXlsxFile(xlsx);
    const rows = (Array.isArray(sheet[0]) ? sheet : (sheet as unknown as { data: unknown[][] }[])[0]!.data) as unknown[][];
    expect(rows[0]).toEqual(["产业链", "节点", "加入时指数", "当前指数", "批注", "需求", "榜单草稿"]);
    expect(rows[1]!.slice(0, 2)).toEqual(["清单链", "固态电解质"]);
    expect(rows[1]![5]).toBe("硫化物固态电解质界面稳定性");

    const pdf = await keyListPdf(view, words, "zh-CN");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("NotoSansSC");
    expect(pdf.length).toBeLessThan(400_000); // the font is subset, not embedded whole (10 MB)

    // A need that becomes invisible to the analyst drops out of the list and its exports.
    await prisma.need.update({ where: { id: open.id }, data: { visibility: "BROKER_ONLY" } });
    expect((await getKeyList(analyst.actor, list.id)).items[0]!.needs).toEqual([]);
  });

  it("turns an item into a challenge DRAFT of the analyst's programme, once, without any need's text; the analyst cannot publish it", async () => {
    const secret = await need("机密标题不得进入榜单草稿", "CONFIDENTIAL");
    const list = await createKeyList(analyst.actor, { title: "榜单清单" });
    const item = await addKeyItem(analyst.actor, { listId: list.id, chainNodeId: "kl.up", needIds: [secret.id], annotation: "建议设榜攻关" });
    const words = (n: { nameZh: string }, f: { open: number; unmet: number; score: number }) => ({
      title: `揭榜挂帅：${n.nameZh}`,
      problem: `在途需求 ${f.open} 项`,
    });
    // Another analyst (not the list's owner): not found.
    expect(await code(draftChallengeFromItem(other.actor, { itemId: item.id }, words))).toBe("NOT_FOUND");
    const draft = await draftChallengeFromItem(analyst.actor, { itemId: item.id }, words);
    const row = await prisma.challenge.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      organisationId: analyst.organisationId,
      createdById: analyst.actor.id,
      draftedByBrokerId: null,
      chainNodeId: "kl.up",
      needIds: [],
      title: "揭榜挂帅：固态电解质",
    });
    expect(row.problem).toContain("建议设榜攻关");
    expect(JSON.stringify(row)).not.toContain("机密标题");
    // The platform's admins (who publish a programme's drafts) are told; the analyst is not.
    const told = await prisma.notification.findMany({ where: { kind: "challenge.programmeDraft", dedupeKey: `challenge:${draft.id}:programmeDraft` } });
    expect(told.map((n) => n.userId)).toContain(admin.actor.id);
    expect(told.map((n) => n.userId)).not.toContain(analyst.actor.id);
    expect(told.every((n) => n.link === `/challenges/${draft.id}/manage`)).toBe(true);
    // Once only: the second click gives the same draft.
    expect((await draftChallengeFromItem(analyst.actor, { itemId: item.id }, words)).id).toBe(draft.id);
    expect(await prisma.challenge.count({ where: { organisationId: analyst.organisationId } })).toBe(1);
    expect((await getKeyList(analyst.actor, list.id)).items[0]!.challengeDraftId).toBe(draft.id);
    // Publishing stays with the sponsor side (platform admins for a programme): the analyst is refused.
    expect(await code(moveChallenge(analyst.actor, draft.id, { to: "OPEN", version: row.version }))).toBe("FORBIDDEN");
    // An analyst whose organisation is no government programme gets no draft.
    const stray = await createApiUser("ANALYST");
    await prisma.organisation.update({ where: { id: stray.organisationId }, data: { kind: "TTO" } });
    const strayList = await createKeyList(stray.actor, { title: "x" });
    const strayItem = await addKeyItem(stray.actor, { listId: strayList.id, chainNodeId: "kl.up", needIds: [] });
    expect(await code(draftChallengeFromItem(stray.actor, { itemId: strayItem.id }, words))).toBe("FORBIDDEN");
  });
});
