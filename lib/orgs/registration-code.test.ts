import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, isValidCreditCode, isValidInstitutionCode, normaliseRegistrationCode } from "./registration-code";

// Codes as printed on public business licences (national enterprise credit information system).
const VALID = [
  "914403001922038216", // Huawei Technologies Co., Ltd. (Shenzhen)
  "9144030071526726XG", // Shenzhen Tencent Computer Systems Co., Ltd.
  "91330100799655058B", // Alibaba (China) Co., Ltd.
  "91350100M000100Y43", // the worked example of GB 32100-2015 guides
];

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts real codes", () => {
    for (const code of VALID) expect(isValidCreditCode(code), code).toBe(true);
  });

  it("accepts them as people type them: lower case, spaces, hyphens", () => {
    expect(isValidCreditCode("9144 0300 7152 6726 xg")).toBe(true);
    expect(normaliseRegistrationCode("91330100-799655058b")).toBe("91330100799655058B");
  });

  it("refuses a wrong check character", () => {
    expect(isValidCreditCode("914403001922038217")).toBe(false);
    expect(isValidCreditCode("9144030071526726XH")).toBe(false);
    expect(isValidCreditCode("91330100799655058C")).toBe(false);
  });

  it("refuses any single changed character (the check catches every one-character typo)", () => {
    const code = "9144030071526726XG";
    for (let i = 0; i < 17; i++) {
      const changed = code.slice(0, i) + (code[i] === "1" ? "2" : "1") + code.slice(i + 1);
      expect(isValidCreditCode(changed), changed).toBe(false);
    }
  });

  it("refuses wrong lengths, letters outside the set (I O S V Z) and letters in the division code", () => {
    expect(isValidCreditCode("91440300192203821")).toBe(false);
    expect(isValidCreditCode("9144030019220382160")).toBe(false);
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode("9I4403001922038216")).toBe(false);
    expect(isValidCreditCode("91440300I92203821O")).toBe(false);
    expect(isValidCreditCode("9144A3001922038216")).toBe(false);
  });

  it("computes the check character of the first 17 characters", () => {
    expect(creditCodeCheckChar("91440300192203821")).toBe("6");
    expect(creditCodeCheckChar("9144030071526726X")).toBe("G");
    expect(creditCodeCheckChar("9144030071526726")).toBeNull();
    expect(creditCodeCheckChar("9144030071526726I")).toBeNull();
  });
});

describe("institution code (学校标识码)", () => {
  it("is 10 digits starting with 4", () => {
    expect(isValidInstitutionCode("4111010001")).toBe(true); // Peking University
    expect(isValidInstitutionCode("4144010558")).toBe(true);
    expect(isValidInstitutionCode("3111010001")).toBe(false);
    expect(isValidInstitutionCode("411101000")).toBe(false);
    expect(isValidInstitutionCode("41110100AB")).toBe(false);
  });
});
