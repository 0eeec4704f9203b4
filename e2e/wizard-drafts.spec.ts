// Issue 14's wizard edges, in zh-CN: /needs/new offers the last unfinished draft; the title says
// it is public; the review of a confidential need shows exactly its teaser, not the full text.
import { expect, test } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";

test("the wizard offers the last draft, says the title is public and previews a confidential need as its teaser", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpAndConfirm(page, uniqueUser("drafts"), "COMPANY");
  const stamp = Date.now().toString(36);
  const title = `注塑件表面缩痕的在线检测 ${stamp}`;
  const secret = `我们的汽车内饰注塑件在量产时出现缩痕，内部模具代号 MX-${stamp}，人工目检漏检率高，希望用机器视觉在线检测。`;
  const teaser = "寻找注塑件表面缺陷在线检测方案，细节签署保密协议后可见。";

  await page.goto("/zh-CN/needs/new");
  await expect(page.getByTestId("continue-draft")).toHaveCount(0);
  const titleField = page.getByLabel("用一句话说出您要解决的技术问题");
  await expect(titleField).toHaveAccessibleDescription(/标题始终公开/);
  await titleField.fill(title);
  await page.getByLabel("用平常的话描述这个问题：它在什么场景下出现、影响了什么？").fill(secret);
  await expect(page.getByTestId("autosave-status")).toContainText("已自动保存");
  await expect(page).toHaveURL(/\/zh-CN\/needs\/[^/]+\/wizard$/);
  const draftUrl = new URL(page.url()).pathname;

  // Coming back to "new need" offers the unfinished draft instead of only an empty wizard.
  await page.goto("/zh-CN/needs/new");
  const offer = page.getByTestId("continue-draft");
  await expect(offer).toContainText(title);
  await offer.getByRole("link", { name: "继续填写这份草稿" }).click();
  await expect(page).toHaveURL(draftUrl);
  await expect(page.getByLabel("用一句话说出您要解决的技术问题")).toHaveValue(title);

  // Confidential: the review shows what researchers will see, the teaser and never the description.
  await page.getByRole("button", { name: /^5\. / }).click();
  await page.getByLabel("保密（仅展示摘要）").check();
  await page.getByLabel("对外摘要").fill(teaser);
  await page.getByRole("button", { name: /^6\. / }).click();
  await page.getByLabel("技术领域").fill("机器视觉");
  await page.getByRole("button", { name: /^7\. / }).click();
  const preview = page.getByTestId("preview");
  await expect(preview).toContainText("科研人员看到的样子（保密需求：仅摘要）");
  await expect(preview).toContainText(title);
  await expect(preview).toContainText(teaser);
  await expect(preview).toContainText("这是一项保密需求，您目前只能看到摘要。");
  await expect(preview).toContainText("匿名企业");
  await expect(preview).not.toContainText(`MX-${stamp}`);

  // Back to public: the full text again.
  await page.getByRole("button", { name: /^5\. / }).click();
  await page.getByLabel("公开", { exact: true }).check();
  await page.getByRole("button", { name: /^7\. / }).click();
  await expect(page.getByTestId("preview")).toContainText(`MX-${stamp}`);
});
