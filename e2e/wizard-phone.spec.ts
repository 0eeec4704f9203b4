// Issue 14 on a phone (390x844, the "mobile" project): the wizard's completeness score stays in
// sight while typing far down a step, and moves as the answers fill in; the need is published.
import { expect, test } from "@playwright/test";
import { createMember, signIn } from "./helpers/members";

test("on a phone the wizard's completeness score stays in view while typing, and the need is published", async ({ page }) => {
  test.setTimeout(120_000);
  const owner = await createMember("phone", "company");
  await signIn(page, owner);
  const title = `注塑件缩痕在线检测 ${Date.now().toString(36)}`;
  await page.goto("/zh-CN/needs/new");
  const score = page.getByTestId("completeness-inline-score");
  await expect(score).toBeInViewport();
  const before = Number((await score.textContent())!.replace("%", ""));
  await page.getByLabel("用一句话说出您要解决的技术问题").fill(title);
  const description = page.getByLabel("用平常的话描述这个问题：它在什么场景下出现、影响了什么？");
  await description.scrollIntoViewIfNeeded();
  await description.fill("汽车内饰注塑件在量产时出现表面缩痕，人工目检漏检率高，希望用机器视觉在线检测，节拍不超过 2 秒。");
  // Typing far down the step: the score is still on screen, and has moved.
  await expect(score).toBeInViewport();
  await expect.poll(async () => Number((await score.textContent())!.replace("%", ""))).toBeGreaterThan(before);
  await expect(page.getByTestId("autosave-status")).toContainText("已自动保存");

  await page.getByRole("button", { name: /^6\. / }).click();
  await page.getByLabel("技术领域").fill("机器视觉");
  await expect(score).toBeInViewport();
  await page.getByRole("button", { name: /^7\. / }).click();
  await page.getByRole("button", { name: "发布需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  // No horizontal scrolling on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
