import { describe, expect, it } from "vitest";
import { signInReasonFor } from "./sign-in-reason";

describe("signInReasonFor", () => {
  it.each([
    ["/zh-CN/needs/abc?contact=1", "contact"],
    ["/en/results/abc?contact=1", "contact"],
    ["/zh-CN/contacts/c1", "contact"],
    ["/zh-CN/needs/new", "postNeed"],
    ["/en/needs/abc/edit", "postNeed"],
    ["/zh-CN/results/import", "postResult"],
    ["/zh-CN/needs/abc/access", "access"],
    ["/en/deals/d1", "deals"],
    ["/zh-CN/notifications", "notifications"],
    ["/zh-CN/account", "account"],
    ["/zh-CN/broker/needs/x", "staff"],
    ["/zh-CN/admin/jobs", "staff"],
    ["/zh-CN/something", "member"],
    ["/zh-CN", null],
    ["", null],
  ])("%s -> %s", (path, reason) => {
    expect(signInReasonFor(path)).toBe(reason);
  });
});
