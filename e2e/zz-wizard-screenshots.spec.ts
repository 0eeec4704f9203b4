// Temporary (not committed): screenshots of the wizard for review.
import { expect, test } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";

test("wizard screenshots", async ({ page }) => {
  test.setTimeout(300_000);
  await signUpAndConfirm(page, uniqueUser("shots"), "COMPANY");
  for (const locale of ["zh-CN", "en"] as const) {
    for (const [w, h] of [
      [1366, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`/${locale}/needs/new`);
      await page.locator("#title").fill(locale === "en" ? "Heading drift of a fitness band near magnets" : "智能手环强磁环境下的姿态估计");
      await page.locator("#description").fill(locale === "en" ? "Our band's heading drifts in the subway; we need an estimator that detects magnetic interference." : "我们的手环在地铁里航向漂移严重，需要能识别磁干扰的姿态估计算法。");
      await expect(page.getByTestId("autosave-status")).not.toBeEmpty();
      await page.screenshot({ path: `/tmp/shots/${locale}-${w}-step1.png`, fullPage: true });
      await page.getByRole("button", { name: /^5\. / }).click();
      await page.locator('input[type="radio"]').nth(2).check();
      await page.locator("#teaser").fill(locale === "en" ? "Looking for a heading estimator for wearables; details under NDA." : "寻找可穿戴设备姿态估计方案，细节签署保密协议后可见。");
      await page.screenshot({ path: `/tmp/shots/${locale}-${w}-step5.png`, fullPage: true });
      await page.getByRole("button", { name: /^7\. / }).click();
      await page.screenshot({ path: `/tmp/shots/${locale}-${w}-step7.png`, fullPage: true });
      await page.goto(`/${locale}/needs/new`);
      await page.screenshot({ path: `/tmp/shots/${locale}-${w}-new.png`, fullPage: false });
    }
  }
});
