// Creates users the way a person does: sign up in the zh-CN UI, then confirm by the magic link
// the app emails (read from the mail sink).
import { expect, type Page } from "@playwright/test";
import { waitForLink } from "./mail";

export type TestUser = { email: string; password: string; name: string; org: string };

export function uniqueUser(prefix: string): TestUser {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  return { email: `${prefix}-${id}@example.test`, password: "correct-horse-battery", name: `${prefix} ${id}`, org: `${prefix}-org-${id}` };
}

export async function signUpAndConfirm(page: Page, user: TestUser, role: "COMPANY" | "RESEARCHER"): Promise<void> {
  const startedAt = new Date();
  await page.goto("/zh-CN/sign-up");
  await page.getByLabel("姓名").fill(user.name);
  await page.getByLabel("电子邮箱").fill(user.email);
  await page.getByLabel("密码").fill(user.password);
  await page.getByLabel(role === "COMPANY" ? "企业用户" : "科研人员").check();
  await page.getByLabel("所在机构名称").fill(user.org);
  await page.getByLabel("机构类型").selectOption(role === "COMPANY" ? "COMPANY" : "UNIVERSITY");
  await page.getByRole("button", { name: "注册" }).click();
  // Password hashing (argon2) is slow on purpose; on a busy machine it takes more than 10 s.
  await expect(page.getByRole("status")).toContainText(user.email, { timeout: 30_000 });

  const link = await waitForLink(user.email, "/api/auth/callback/email", { after: startedAt });
  await page.goto(link);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}

export async function createApiTokenInUi(page: Page): Promise<string> {
  await page.goto("/zh-CN/account");
  await page.getByLabel("令牌名称").fill("e2e");
  await page.getByRole("button", { name: "创建令牌" }).click();
  const token = await page.getByTestId("new-token").textContent();
  expect(token).toMatch(/^tb_pat_/);
  return token!;
}
