import { describe, expect, it } from "vitest";
import type { NeedRow } from "@/lib/needs/present-need";
import type { Actor } from "@/lib/policy";
import { needNoticeFor, resultMatchNotice, savedSearchNotice, type Notice } from "./notices";
import { wordNotification } from "./word-notification";

const SECRET = "客户为某头部车企，电解质配方需在 2026 年量产";
const row = (visibility: NeedRow["visibility"]): NeedRow => ({
  id: "need-1",
  title: "固态电池电解质",
  teaser: "寻求高离子电导率固态电解质",
  teaserFields: [],
  accessDays: 90,
  accessRequests: [],
  introductions: [],
  description: `详细技术要求：${SECRET}，室温离子电导率高于 1 mS/cm。`,
  field: "新能源",
  keywords: ["机密关键词"],
  lang: "zh",
  visibility,
  status: "PUBLISHED",
  organisationId: "org-company",
  trlTarget: 6,
  budgetMinCny: 1,
  budgetMaxCny: 2,
  collaborationModes: ["CO_DEVELOPMENT"],
  region: "深圳",
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  chainNode: null,
  organisation: { id: "org-company", name: "保密企业有限公司", verifiedAt: null },
});
const researcher = (): Actor => ({
  id: "u-r",
  role: "RESEARCHER",
  organisationId: "org-uni",
  isOrgAdmin: false,
  email: "r@example.cn",
  name: "R",
});
const broker: Actor = {
  id: "u-b",
  role: "BROKER",
  organisationId: "org-tto",
  isOrgAdmin: false,
  email: "b@example.cn",
  name: "B",
};
/** A notice as its reader sees it (worded when read), with everything stored (params) beside it. */
async function text(n: Notice | null, locale: "zh-CN" | "en" = "zh-CN"): Promise<string> {
  if (!n) return "";
  const { title, body } = await wordNotification(n.kind, n.params, locale);
  return `${title}\n${body}\n${JSON.stringify(n.params)}`;
}

describe("need notices respect what the recipient may see", () => {
  it("describe a CONFIDENTIAL need by title, teaser and field only", async () => {
    const n = needNoticeFor(researcher(), row("CONFIDENTIAL"), { resultTitle: "硫化物电解质" });
    expect(n).not.toBeNull();
    for (const locale of ["zh-CN", "en"] as const) {
      const seen = await text(n, locale);
      expect(seen).toContain("寻求高离子电导率固态电解质");
      expect(seen).toContain("硫化物电解质");
      for (const secret of [SECRET, "机密关键词", "保密企业有限公司", "1 mS/cm"]) expect(seen).not.toContain(secret);
    }
    expect(n!.link).toBe("/needs/need-1");
    expect(n!.dedupeKey).toBe("need:need-1");
  });

  it("never tell a researcher about a BROKER_ONLY need, nor about a draft", () => {
    expect(needNoticeFor(researcher(), row("BROKER_ONLY"), { expertise: true })).toBeNull();
    expect(needNoticeFor(researcher(), { ...row("PUBLIC"), status: "DRAFT" }, { expertise: true })).toBeNull();
    // A broker hears of a BROKER_ONLY need only when acting for its owner (here: assigned).
    expect(needNoticeFor(broker, row("BROKER_ONLY"), { expertise: true })).toBeNull();
    expect(needNoticeFor(broker, { ...row("BROKER_ONLY"), brokerId: broker.id }, { expertise: true })).not.toBeNull();
  });

  it("leave the description out even of PUBLIC needs (a stored notice must survive a later change to CONFIDENTIAL)", async () => {
    const n = needNoticeFor(researcher(), row("PUBLIC"), { expertise: true });
    expect(await text(n, "en")).not.toContain(SECRET);
    const en = await wordNotification(n!.kind, n!.params, "en");
    expect(en.title).toBe("New need for you: 固态电池电解质");
    expect(en.body).toContain("expertise profile");
    expect((await wordNotification(n!.kind, n!.params, "zh-CN")).title).toBe("新需求与您匹配：固态电池电解质");
  });
});

describe("other notices", () => {
  it("tell a need owner about a result, keyed by the pair", async () => {
    const n = resultMatchNotice(
      { id: "n1", title: "我的需求" },
      { id: "r1", title: "成果A", organisationName: "某大学", organisationVerified: true, field: "新能源" },
    );
    expect(n).toMatchObject({ kind: "result-match", link: "/results/r1", dedupeKey: "result:n1:r1" });
    const { body } = await wordNotification(n.kind, n.params, "zh-CN");
    expect(body).toContain("我的需求");
    expect(body).toContain("（某大学）");
  });
  it("name an unverified organisation as such", async () => {
    const pair = [
      { id: "n1", title: "我的需求" },
      { id: "r1", title: "成果A", organisationName: "某大学", organisationVerified: false, field: "新能源" },
    ] as const;
    const n = resultMatchNotice(...pair);
    expect((await wordNotification(n.kind, n.params, "zh-CN")).body).toContain("（某大学，未认证）");
    expect((await wordNotification(n.kind, n.params, "en")).body).toContain("by 某大学 (unverified)");
  });
  it("tell a user about a saved-search hit with the hit's own snippet", async () => {
    const n = savedSearchNotice({ id: "s1", name: "batteries" }, { id: "n9", kind: "need", title: "Electrolyte", teaser: "A teaser", summary: null });
    expect(n).toMatchObject({ kind: "saved-search", link: "/needs/n9", dedupeKey: "saved:s1:n9" });
    expect(await wordNotification(n.kind, n.params, "en")).toEqual({ title: "New for “batteries”: Electrolyte", body: "A teaser" });
  });
});
