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
  await expect(page.getByText("页面不存在", { exact: false }).first()).toBeVisible();
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
  await expect(page.getByText("页面不存在", { exact: false }).first()).toBeVisible();

  await grantStaffRoleByCli(user.email, "admin");
  await page.goto("/en/admin");
  const sections = page.getByTestId("admin-sections");
  await expect(sections.getByRole("link", { name: "Jobs" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Staff roles" })).toBeVisible();

  await sections.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByTestId("queue-state")).toContainText("Scheduled for later");
  await expect(page.getByTestId("scheduled-count")).toHaveText(/^\d+$/);
});

test("patents are entered in a small table and shown with words, not codes", async ({ page }) => {
  const user = uniqueUser("patents");
  await signUpAndConfirm(page, user, "RESEARCHER");
  await page.goto("/zh-CN/results/new");
  await page.getByLabel("成果名称").fill("低温硫化物固态电解质膜");
  await page.getByLabel("成果简介").fill("在零下二十摄氏度仍保持 1 mS/cm 以上离子电导率的硫化物固态电解质膜，可实现软包电池十五分钟快充。");
  await page.getByLabel("技术领域").fill("新能源");
  await page.getByTestId("add-patent").click();
  const patents = page.getByTestId("patents-input");
  await patents.getByLabel("专利号或申请号").fill("CN202310123456.7");
  await patents.getByLabel("状态").selectOption("GRANTED");
  await page
    .getByRole("button", { name: /发布|保存|提交/ })
    .last()
    .click();
  const detail = page.getByTestId("result-detail");
  await expect(detail).toContainText("CN202310123456.7 · 发明专利 · 已授权 · 中国（国家知识产权局）");
  await expect(detail).not.toContainText("INVENTION");
});
