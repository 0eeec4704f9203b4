// Issue 14's rough edges that a first visit hits: unknown URLs and /admin answer with the
// localized not-found page (site header, reader's language), an admin gets an index of the
// administration pages, and the jobs page tells jobs planned for later from a backlog.
import { expect, test } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";
import { grantStaffRoleByCli } from "./helpers/staff";

test("unknown URLs show the localized not-found page with the site header", async ({ page }) => {
  const zh = await page.goto("/zh-CN/no-such-page/anywhere");
  expect(zh?.status()).toBe(404);
  await expect(page.locator("header").first()).toBeVisible();
  await expect(page.getByText("找不到", { exact: false }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  const en = await page.goto("/en/no-such-page");
  expect(en?.status()).toBe(404);
  await expect(page.getByText("does not exist", { exact: false })).toBeVisible();
});

test("/admin is a 404 for members and an index of the admin pages for an admin; jobs planned for later are not a backlog", async ({ page }) => {
  const user = uniqueUser("admin-index");
  await signUpAndConfirm(page, user, "COMPANY");
  const asMember = await page.goto("/zh-CN/admin");
  expect(asMember?.status()).toBe(404);
  await expect(page.getByText("找不到", { exact: false }).first()).toBeVisible();

  await grantStaffRoleByCli(user.email, "admin");
  await page.goto("/en/admin");
  const sections = page.getByTestId("admin-sections");
  await expect(sections.getByRole("link", { name: "Jobs" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Staff roles" })).toBeVisible();

  await sections.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByTestId("queue-state")).toContainText("Scheduled for later");
  await expect(page.getByTestId("scheduled-count")).toHaveText(/^\d+$/);
});
