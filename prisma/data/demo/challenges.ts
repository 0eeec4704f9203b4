import type { Prisma } from "../../../lib/generated/prisma/client";

// Demo challenges (揭榜挂帅), one per stage of the life cycle, so the demo shows it whole:
// open for applications, in expert review (with a declared conflict), awarded with a running
// project (first milestone accepted and paid), and completed with its outcome evaluation.
// Written by scripts/seed.ts in the demo transaction; dates relative to the seed's `now`.

const DAY = 86_400_000;
type Tx = Prisma.TransactionClient;

const criteria = [
  { key: "k1", name: "技术路线先进性与可行性", weight: 40 },
  { key: "k2", name: "团队能力与前期成果", weight: 30 },
  { key: "k3", name: "实施计划与进度", weight: 15 },
  { key: "k4", name: "预算合理性", weight: 15 },
];

export async function seedDemoChallenges(tx: Tx, now: Date): Promise<number> {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const base = { criteria, eligibility: { orgKinds: ["UNIVERSITY", "TTO", "COMPANY"], regions: [], qualifications: "具有独立法人资格；近三年无科研失信记录" } };

  await tx.challenge.createMany({
    data: [
      {
        ...base,
        id: "ch-demo-open",
        organisationId: "org-lichen",
        createdById: "user-battery",
        title: "零下二十度 15 分钟快充电解液配方攻关",
        teaser: "面向北方市场的动力电池低温快充：-20°C 下 15 分钟充至 80% SOC，循环寿命不降。",
        problem:
          "现有电解液在 -20°C 下快充时负极析锂严重，15 分钟充电仅能达到 55% SOC，且 300 次循环后容量保持率跌破 80%。希望获得新的锂盐/溶剂/添加剂体系，在不改变正负极材料的前提下满足低温快充要求，并可在现有注液产线上量产。",
        field: "新能源",
        keywords: ["电解液", "低温快充", "析锂"],
        region: "光明区",
        chainNodeId: "energy.materials",
        indicators: [
          { key: "k1", name: "低温快充时间", target: "-20°C 下 ≤15 分钟充至 80% SOC", verification: "第三方检测机构报告" },
          { key: "k2", name: "循环寿命", target: "1000 次循环容量保持率 ≥85%", verification: "发榜方实验室复测" },
          { key: "k3", name: "量产适配", target: "兼容现有注液产线，成本增幅 ≤8%", verification: "中试线试产 3 批次" },
        ],
        bountyTotalCny: 3_000_000,
        milestoneSplit: [
          { title: "配方小样", percent: 30 },
          { title: "软包电芯验证", percent: 40 },
          { title: "中试与结题验收", percent: 30 },
        ],
        applicationDeadline: at(40),
        durationMonths: 12,
        visibility: "PUBLIC",
        status: "OPEN",
        publishedAt: at(-10),
        createdAt: at(-12),
      },
      {
        ...base,
        id: "ch-demo-review",
        organisationId: "org-zhiqing",
        createdById: "user-robotics",
        title: "协作机器人谐波减速器寿命提升",
        teaser: "国产谐波减速器额定寿命从 8000 小时提升到 15000 小时，回差保持 ≤20 弧秒。",
        problem:
          "我司协作机器人采用国产谐波减速器，柔轮在 8000 小时左右出现疲劳裂纹，回差随运行增大。需要材料、热处理或齿形设计上的系统方案，使额定寿命达到 15000 小时以上，且单价不高于进口同类产品的 60%。",
        field: "智能机器人",
        keywords: ["谐波减速器", "柔轮", "疲劳寿命"],
        region: "龙华区",
        chainNodeId: "robot.reducer",
        indicators: [
          { key: "k1", name: "额定寿命", target: "≥15000 小时", verification: "加速寿命试验（第三方）" },
          { key: "k2", name: "回差", target: "全寿命周期 ≤20 弧秒", verification: "发榜方检测台架" },
        ],
        bountyTotalCny: 5_000_000,
        milestoneSplit: [
          { title: "方案与样件", percent: 40 },
          { title: "寿命验证与结题", percent: 60 },
        ],
        applicationDeadline: at(-5),
        durationMonths: 18,
        visibility: "PUBLIC",
        blindReview: true,
        status: "REVIEW",
        publishedAt: at(-50),
        closedAt: at(-5),
        createdAt: at(-52),
      },
      {
        ...base,
        id: "ch-demo-awarded",
        organisationId: "org-chiyuan",
        createdById: "user-ev",
        title: "800V 碳化硅电驱控制器高温可靠性",
        teaser: "车规级 SiC 功率模块在 175°C 结温下的长期可靠性与封装方案。",
        problem:
          "800V 平台电驱控制器的 SiC 模块在高温工况下出现焊层空洞扩展和键合线脱落。需要新的封装与互连方案，通过 AQG-324 功率循环测试，并在整车 30 万公里等效工况下无失效。",
        field: "智能网联汽车",
        keywords: ["碳化硅", "功率模块", "封装可靠性"],
        region: "龙岗区",
        chainNodeId: "nev.edrive",
        indicators: [
          { key: "k1", name: "功率循环", target: "通过 AQG-324 PC 测试 ≥10 万次", verification: "第三方车规实验室" },
          { key: "k2", name: "高温工作", target: "175°C 结温连续 1000 小时无失效", verification: "发榜方可靠性实验室" },
        ],
        bountyTotalCny: 8_000_000,
        milestoneSplit: [
          { title: "封装方案与样品", percent: 40 },
          { title: "车规测试与结题", percent: 60 },
        ],
        applicationDeadline: at(-120),
        durationMonths: 12,
        visibility: "CONFIDENTIAL",
        status: "AWARDED",
        publishedAt: at(-180),
        closedAt: at(-120),
        awardedAt: at(-100),
        createdAt: at(-185),
      },
      {
        ...base,
        id: "ch-demo-completed",
        organisationId: "org-kangwei",
        createdById: "user-medtech",
        title: "可穿戴心电贴片低功耗长续航方案",
        teaser: "单导联心电贴片连续监测 14 天不换电池，满足二类医疗器械注册要求。",
        problem:
          "现有心电贴片续航 5 天，用户依从性差。需要低功耗采集前端与本地算法方案，使续航达到 14 天，房颤检出灵敏度不低于 95%，并支持二类医疗器械注册检验。",
        field: "医疗健康",
        keywords: ["心电贴片", "低功耗", "房颤检测"],
        region: "坪山区",
        chainNodeId: "terminal.wearables",
        indicators: [
          { key: "k1", name: "续航", target: "连续监测 ≥14 天", verification: "注册检验报告" },
          { key: "k2", name: "房颤检出灵敏度", target: "≥95%", verification: "临床数据集评测" },
        ],
        bountyTotalCny: 1_500_000,
        milestoneSplit: [
          { title: "样机", percent: 50 },
          { title: "注册检验与结题", percent: 50 },
        ],
        applicationDeadline: at(-400),
        durationMonths: 10,
        visibility: "PUBLIC",
        status: "COMPLETED",
        publishedAt: at(-440),
        closedAt: at(-400),
        awardedAt: at(-380),
        completedAt: at(-60),
        createdAt: at(-445),
      },
    ],
  });

  const plan = (items: [string, string, number, number][]) =>
    items.map(([title, deliverables, days, amountCny]) => ({ title, deliverables, dueAt: at(days).toISOString(), amountCny }));
  await tx.challengeApplication.createMany({
    data: [
      {
        id: "cha-open-1",
        challengeId: "ch-demo-open",
        applicantId: "user-materials-lab",
        organisationId: "org-gmam",
        approach: "以 LiFSI/LiDFOB 双盐体系配合低粘度氟代羧酸酯溶剂，加入含硼成膜添加剂构筑富 LiF 的 SEI，降低低温去溶剂化能垒。",
        planMilestones: plan([
          ["配方小样", "3 款配方与扣电、低温 EIS 数据", 100, 900_000],
          ["软包电芯验证", "20 只 5Ah 软包电芯与检测报告", 220, 1_200_000],
          ["中试与结题验收", "中试 3 批次、第三方报告", 340, 900_000],
        ]),
        budgetCny: 3_000_000,
        createdAt: at(-3),
      },
      {
        id: "cha-review-1",
        challengeId: "ch-demo-review",
        applicantId: "user-robot-lab",
        organisationId: "org-nanling",
        approach: "柔轮采用真空渗碳+深冷处理的 40CrNiMoA，配合双圆弧齿形优化与齿根喷丸，降低应力集中 30%。",
        planMilestones: plan([
          ["方案与样件", "齿形设计、10 套样件", 150, 2_000_000],
          ["寿命验证与结题", "加速寿命试验报告", 500, 3_000_000],
        ]),
        budgetCny: 4_800_000,
        status: "SHORTLISTED",
        createdAt: at(-20),
      },
      {
        id: "cha-review-2",
        challengeId: "ch-demo-review",
        applicantId: "user-researcher",
        organisationId: "org-nanling",
        approach: "基于数字孪生的柔轮疲劳寿命预测与拓扑优化，结合激光熔覆修复齿面。",
        planMilestones: plan([
          ["方案与样件", "仿真模型、5 套样件", 180, 2_000_000],
          ["寿命验证与结题", "寿命试验报告", 520, 2_800_000],
        ]),
        budgetCny: 4_800_000,
        createdAt: at(-8),
      },
      {
        id: "cha-awarded-1",
        challengeId: "ch-demo-awarded",
        applicantId: "user-researcher",
        organisationId: "org-nanling",
        approach: "银烧结替代焊层、铜线键合与双面冷却封装，配合结温在线估计。",
        planMilestones: plan([
          ["封装方案与样品", "封装方案、20 只样品模块", -30, 3_200_000],
          ["车规测试与结题", "AQG-324 报告与 1000 小时高温报告", 150, 4_800_000],
        ]),
        budgetCny: 8_000_000,
        status: "AWARDED",
        decisionReason: "技术路线成熟、前期样品数据完整，综合得分第一",
        createdAt: at(-130),
      },
      {
        id: "cha-completed-1",
        challengeId: "ch-demo-completed",
        applicantId: "user-ai-lab",
        organisationId: "org-binhai",
        approach: "事件驱动的模拟前端与 8 位量化的轻量房颤检测网络，平均功耗降至 38 µW。",
        planMilestones: plan([
          ["样机", "20 台样机与功耗报告", -250, 750_000],
          ["注册检验与结题", "注册检验报告", -70, 750_000],
        ]),
        budgetCny: 1_500_000,
        status: "AWARDED",
        decisionReason: "唯一满足 14 天续航指标的方案",
        createdAt: at(-405),
      },
    ],
  });
  await tx.challengeTeamMember.createMany({ data: [{ applicationId: "cha-awarded-1", userId: "user-robot-lab", role: "封装工艺" }] });

  await tx.challengePanelMember.createMany({
    data: [
      { id: "chp-review-1", challengeId: "ch-demo-review", userId: "user-ai-lab", addedById: "user-robotics" },
      { id: "chp-review-2", challengeId: "ch-demo-review", userId: "user-materials-lab", addedById: "user-robotics" },
      { id: "chp-awarded-1", challengeId: "ch-demo-awarded", userId: "user-materials-lab", addedById: "user-ev" },
    ],
  });
  // The materials lab declared a conflict on one application (same research alliance).
  await tx.challengeConflict.create({ data: { panelMemberId: "chp-review-2", applicationId: "cha-review-2", note: "同属一个产业技术创新联盟" } });
  const sheet = (panelMemberId: string, applicationId: string, scores: number[]) =>
    scores.map((score, i) => ({ panelMemberId, applicationId, criterionKey: `k${i + 1}`, score, comment: i === 0 ? "路线清晰，数据支撑较充分" : null }));
  await tx.challengeScore.createMany({
    data: [
      ...sheet("chp-review-1", "cha-review-1", [8, 8, 7, 7]),
      ...sheet("chp-review-2", "cha-review-1", [9, 7, 8, 6]),
      ...sheet("chp-review-1", "cha-review-2", [7, 6, 6, 8]),
    ],
  });

  await tx.challengeMilestone.createMany({
    data: [
      {
        applicationId: "cha-awarded-1",
        seq: 1,
        title: "封装方案与样品",
        deliverables: "封装方案、20 只样品模块",
        dueAt: at(-30),
        amountCny: 3_200_000,
        status: "ACCEPTED",
        submissionNote: "样品 20 只及初测数据已交付",
        submittedAt: at(-35),
        decidedAt: at(-28),
        paidAmountCny: 3_200_000,
        paidAt: at(-20),
        version: 4,
      },
      {
        applicationId: "cha-awarded-1",
        seq: 2,
        title: "车规测试与结题",
        deliverables: "AQG-324 报告与 1000 小时高温报告",
        dueAt: at(150),
        amountCny: 4_800_000,
      },
      {
        applicationId: "cha-completed-1",
        seq: 1,
        title: "样机",
        deliverables: "20 台样机与功耗报告",
        dueAt: at(-250),
        amountCny: 750_000,
        status: "ACCEPTED",
        submittedAt: at(-255),
        decidedAt: at(-248),
        paidAmountCny: 750_000,
        paidAt: at(-240),
        version: 4,
      },
      {
        applicationId: "cha-completed-1",
        seq: 2,
        title: "注册检验与结题",
        deliverables: "注册检验报告",
        dueAt: at(-70),
        amountCny: 750_000,
        status: "ACCEPTED",
        submittedAt: at(-72),
        decidedAt: at(-60),
        paidAmountCny: 750_000,
        paidAt: at(-55),
        version: 4,
      },
    ],
  });
  await tx.challengeOutcome.create({
    data: {
      challengeId: "ch-demo-completed",
      monthsAfter: 0,
      indicatorsReached: [
        { key: "k1", measured: "连续监测 15.5 天", reached: true },
        { key: "k2", measured: "灵敏度 96.2%", reached: true },
      ],
      products: "康微 ECG-14 心电贴片（已提交二类注册）",
      patentsFiled: 3,
      revenueCny: 0,
      followOnContracts: 1,
      contractRegistrationNo: "2026440300004567",
      recordedById: "user-medtech",
      recordedAt: at(-50),
    },
  });

  // The event history each row went through (the same table the services write).
  const ev = (challengeId: string, machine: string, subjectId: string, moves: [string | null, string, string | null, number][]) =>
    moves.map(([fromState, toState, actorId, days]) => ({ challengeId, machine, subjectId, fromState, toState, actorId, at: at(days) }));
  await tx.challengeEvent.createMany({
    data: [
      ...ev("ch-demo-open", "challenge", "ch-demo-open", [
        [null, "DRAFT", "user-battery", -12],
        ["DRAFT", "OPEN", "user-battery", -10],
      ]),
      ...ev("ch-demo-review", "challenge", "ch-demo-review", [
        [null, "DRAFT", "user-robotics", -52],
        ["DRAFT", "OPEN", "user-robotics", -50],
        ["OPEN", "REVIEW", null, -5],
      ]),
      ...ev("ch-demo-awarded", "challenge", "ch-demo-awarded", [
        [null, "DRAFT", "user-ev", -185],
        ["DRAFT", "OPEN", "user-ev", -180],
        ["OPEN", "REVIEW", null, -120],
        ["REVIEW", "AWARDED", "user-ev", -100],
      ]),
      ...ev("ch-demo-completed", "challenge", "ch-demo-completed", [
        [null, "DRAFT", "user-medtech", -445],
        ["DRAFT", "OPEN", "user-medtech", -440],
        ["OPEN", "REVIEW", null, -400],
        ["REVIEW", "AWARDED", "user-medtech", -380],
        ["AWARDED", "COMPLETED", "user-medtech", -60],
      ]),
    ],
  });
  return 4;
}
