import { describe, expect, it } from "vitest";
import { buildQueryTerms } from "@/lib/matching/rank";
import { scoreProfiles } from "./score";

const profiles = [
  { userId: "imu", fields: ["惯性导航", "传感器融合"], methods: ["卡尔曼滤波", "姿态估计"], equipment: ["三轴转台"], pastProjects: "可穿戴设备的磁干扰抑制" },
  {
    userId: "battery",
    fields: ["Solid-state batteries"],
    methods: ["electrolyte synthesis"],
    equipment: ["glove box"],
    pastProjects: "Sulfide electrolytes at kilogram scale",
  },
  { userId: "empty", fields: [], methods: [], equipment: [], pastProjects: null },
];

describe("scoreProfiles", () => {
  it("ranks the profile that shares the need's key terms first and drops unrelated ones", () => {
    const terms = buildQueryTerms({ title: "智能手环姿态估计抗磁干扰", body: "强磁环境下航向漂移，需要传感器融合算法", keywords: ["姿态估计", "磁干扰"] });
    const scored = scoreProfiles(terms, profiles);
    expect(scored.map((s) => s.userId)).toEqual(["imu"]);
    expect(scored[0]!.matchedWords).toEqual(expect.arrayContaining(["姿态", "估计", "融合"]));
    expect(scored[0]!.share).toBeGreaterThan(0);
  });

  it("matches across languages: an English need finds a Chinese profile", () => {
    const terms = buildQueryTerms({ title: "Attitude estimation under magnetic disturbance", body: "A sensor fusion filter for wearable devices" });
    const scored = scoreProfiles(terms, profiles);
    expect(scored.map((s) => s.userId)).toEqual(["imu"]);
    expect(scored[0]!.matchedWords).toEqual(expect.arrayContaining(["传感器", "融合"]));
  });

  it("needs at least the configured number of shared terms", () => {
    const terms = buildQueryTerms({ title: "glove box" });
    expect(scoreProfiles(terms, profiles, { expertise: { minMatchedTerms: 3, minShare: 0 } })).toEqual([]);
  });
});
