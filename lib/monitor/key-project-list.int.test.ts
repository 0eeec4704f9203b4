// Key project lists (重点项目清单): ownership, visibility of the needs behind an item, exports.
import { beforeAll, describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createApiUser, type ApiUser } from "@/tests/kits/api-test-kit";
import { keyListPdf, keyListXlsx, type KeyListWords } from "./export-key-list";
import { addKeyItem, annotateKeyItem, createKeyList, draftChallengeFromItem, getKeyList } from "./key-project-list";

let analyst: ApiUser;
let other: ApiUser;
let company: ApiUser;
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
  [analyst, other, company] = await Promise.all([createApiUser("ANALYST"), createApiUser("ANALYST"), createApiUser("COMPANY")]);
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
    expect(await code(draftChallengeFromItem(analyst.actor, { itemId: item.id }, () => ({ title: "t", problem: "p" })))).toBe("CONFLICT"); // no challenges module yet

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
});
