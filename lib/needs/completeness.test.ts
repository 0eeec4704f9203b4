import { describe, expect, it } from "vitest";
import { needCompleteness } from "./completeness";

const complete = {
  title: "智能手环抗磁干扰姿态估计",
  description:
    "我们的智能手环在地铁、电梯等强磁环境下航向漂移严重，用户抱怨运动轨迹错乱。需要一种能识别磁干扰并保持航向稳定的姿态估计算法，可在低功耗 MCU 上运行。",
  field: "传感器",
  keywords: ["姿态估计", "磁干扰", "IMU"],
  triedSoFar: "传统互补滤波，强磁下失效",
  desiredOutcome: "算法库移植到现有固件",
  acceptanceCriteria: "强磁环境下航向误差 < 3 度",
  constraints: "MCU 主频 64 MHz，RAM 32 KB",
  trlTarget: 6,
  budgetMinCny: 200000,
  budgetMaxCny: 500000,
  deadline: "2030-01-01",
  collaborationModes: ["COMMISSIONED_RD"],
  chainNodeId: "sensor.fusion",
};

describe("needCompleteness", () => {
  it("gives 100 and no advice for a complete need", () => {
    expect(needCompleteness(complete)).toEqual({ score: 100, advice: [] });
  });

  it("gives 0 for an empty draft and advises the problem and acceptance criteria first", () => {
    const { score, advice } = needCompleteness({});
    expect(score).toBe(0);
    expect(advice.slice(0, 2).sort()).toEqual(["acceptanceMissing", "problemMissing"]);
    expect(advice).toContain("budgetMissing");
    expect(advice).toHaveLength(13);
  });

  it("names exactly what is missing", () => {
    const { score, advice } = needCompleteness({ ...complete, acceptanceCriteria: "", budgetMinCny: null, budgetMaxCny: "" });
    expect(score).toBe(75);
    expect(advice).toEqual(["acceptanceMissing", "budgetMissing"]);
  });

  it("gives half credit and specific advice for unmeasurable criteria and a one-sided budget", () => {
    const { score, advice } = needCompleteness({ ...complete, acceptanceCriteria: "效果要好，用户满意", budgetMaxCny: undefined });
    expect(score).toBe(88); // 100 - 7.5 (half of 15) - 5 (half of 10) = 87.5, rounded
    expect(advice).toEqual(["acceptanceNotMeasurable", "budgetHalf"]);
  });

  it("counts Chinese numerals with units as measurable", () => {
    expect(needCompleteness({ ...complete, acceptanceCriteria: "续航不少于七天" }).advice).toEqual([]);
  });

  it("credits keywords in proportion up to three", () => {
    expect(needCompleteness({ ...complete, keywords: ["IMU"] }).advice).toEqual(["keywordsFew"]);
    expect(needCompleteness({ ...complete, keywords: ["IMU"] }).score).toBe(97);
  });
});
