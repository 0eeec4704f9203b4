import { expect, test } from "@playwright/test";

test("the home page answers and declares its language", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  // `/` redirects to the default locale.
  await expect(page).toHaveURL(/\/zh-CN\/?$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("the English home page declares lang=en", async ({ page }) => {
  const response = await page.goto("/en");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
