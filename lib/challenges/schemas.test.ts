import { describe, expect, it } from "vitest";
import { inputFromFormData } from "@/lib/actions/form-input";
import { applySchema, challengeFormSchema, challengeInputSchema } from "./schemas";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("challenge schemas", () => {
  it("parse the web form: textarea lines, checkboxes and flat eligibility fields", () => {
    const data = inputFromFormData(
      challengeFormSchema,
      form([
        ["title", "低温快充电解液"],
        ["teaser", "零下二十度十五分钟快充"],
        ["problem", "在零下二十度下十五分钟充电至百分之八十，循环寿命不降低。"],
        ["field", "新能源"],
        ["keywords", "电解液、快充"],
        ["chainNodeId", ""],
        ["needIds", "n1"],
        ["needIds", "n2"],
        ["indicators", "充电时间 | ≤15 分钟 | 第三方检测\n循环 | ≥1000 次 | 复测"],
        ["bountyTotalCny", "3000000"],
        ["applicationDeadline", "2099-01-31"],
        ["durationMonths", "12"],
        ["milestoneSplit", "小样 | 40\n中试 | 60"],
        ["criteria", "技术 | 60\n团队 | 40"],
        ["eligibleOrgKinds", "UNIVERSITY"],
        ["eligibleOrgKinds", "TTO"],
        ["eligibleRegions", "南山区，福田区"],
        ["visibility", "CONFIDENTIAL"],
        ["blindReview", "on"],
      ]),
    );
    const parsed = challengeFormSchema.parse(data);
    expect(parsed).toMatchObject({
      needIds: ["n1", "n2"],
      keywords: ["电解液", "快充"],
      bountyTotalCny: 3_000_000,
      visibility: "CONFIDENTIAL",
      blindReview: true,
      eligibility: { orgKinds: ["UNIVERSITY", "TTO"], regions: ["南山区", "福田区"], qualifications: "" },
      criteria: [
        { key: "k1", name: "技术", weight: 60 },
        { key: "k2", name: "团队", weight: 40 },
      ],
    });
    expect(parsed.indicators[1]).toEqual({ key: "k2", name: "循环", target: "≥1000 次", verification: "复测" });
    expect(parsed.applicationDeadline.toISOString()).toBe("2099-01-31T15:59:59.000Z"); // end of day, China time
  });

  it("refuses weights and shares that do not add up to 100", () => {
    const base = {
      title: "标题四字",
      teaser: "十个字以上的公开摘要",
      problem: "二十个字以上的问题描述二十个字以上的问题描述",
      field: "新能源",
      indicators: "a | b | c",
      bountyTotalCny: 10_000,
      applicationDeadline: "2099-01-01",
      durationMonths: 6,
    };
    const r = challengeInputSchema.safeParse({ ...base, criteria: "技术 | 50\n团队 | 40", milestoneSplit: "小样 | 90" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["criteria", "v.weights100"],
      ["milestoneSplit", "v.percent100"],
    ]);
  });

  it("parses an application's plan lines", () => {
    const parsed = applySchema.parse({
      approach: "二十个字以上的技术方案二十个字以上的技术方案",
      planMilestones: "小样 | 5 批次 | 2099-03-01 | 900000",
      budgetCny: "900000",
      teamEmails: "a@x.cn, b@y.cn",
    });
    expect(parsed.planMilestones[0]).toMatchObject({ title: "小样", deliverables: "5 批次", amountCny: 900_000 });
    expect(parsed.teamEmails).toEqual(["a@x.cn", "b@y.cn"]);
  });
});
