import { describe, expect, it } from "vitest";
import { detectLang } from "./detect-lang";

describe("detectLang", () => {
  it("recognises Chinese text, even with English terms mixed in", () => {
    expect(detectLang("需要一种抗磁干扰的姿态估计算法，用于 IMU 可穿戴设备")).toBe("zh");
  });
  it("recognises English text", () => {
    expect(detectLang("Attitude estimation robust to magnetic interference for wearables")).toBe("en");
  });
  it("treats text without letters as English", () => {
    expect(detectLang("1234 -- 56")).toBe("en");
  });
});
