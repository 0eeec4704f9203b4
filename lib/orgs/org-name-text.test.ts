import { describe, expect, it } from "vitest";
import { orgNameText } from "./org-name-text";

describe("orgNameText", () => {
  it("marks an unverified organisation in both languages and leaves a verified or unknown one alone", () => {
    expect(orgNameText("某大学", false, "zh")).toBe("某大学（未认证）");
    expect(orgNameText("Some University", false, "en")).toBe("Some University (unverified)");
    expect(orgNameText("某大学", true, "zh")).toBe("某大学");
    expect(orgNameText("某大学", null, "en")).toBe("某大学");
  });
});
