import { describe, expect, it } from "vitest";
import { translateQuery } from "./translate-query";

// The first call loads the 2 MB dictionary extract: slow on a busy machine.
describe("translateQuery", { timeout: 30_000 }, () => {
  it("turns an English query into the Chinese terms of the thesaurus", () => {
    expect(translateQuery("attitude estimation")).toContain("姿态估计");
    expect(translateQuery("magnetic interference")).toContain("磁干扰");
  });
  it("turns a Chinese query into English phrases, a longer term hiding the shorter one inside it", () => {
    const english = translateQuery("可穿戴设备姿态估计").split(" ");
    expect(english).toEqual(expect.arrayContaining(["attitude", "estimation", "wearable", "device"]));
    expect(english).not.toContain("wearables");
  });
  it("returns nothing for an empty or untranslatable query", () => {
    expect(translateQuery("  ")).toBe("");
    expect(translateQuery("zzqx")).toBe("");
  });
});

describe("translateQuery leaves product codes alone", { timeout: 30_000 }, () => {
  it("never sends a code through the dictionary", () => {
    expect(translateQuery("PC/ABS")).toBe("");
    expect(translateQuery("ABS")).toBe("");
    const mixed = translateQuery("PC/ABS battery");
    expect(mixed).toContain("电池");
    for (const noise of ["个人电脑", "安倍", "亚伯"]) expect(mixed).not.toContain(noise);
  });
});

describe("translateQuery for a Chinese word outside the thesaurus", { timeout: 30_000 }, () => {
  it("uses the dictionary", () => {
    expect(translateQuery("电池")).toBe("battery");
    expect(translateQuery("注塑 阻燃")).toBe("injection molding fire resistant");
  });
});
