// Issue 4's whole flow in the zh-CN UI: a company posts a CONFIDENTIAL need -> a researcher sees
// only the teaser -> asks for access, accepting the NDA -> the owner approves -> the researcher
// reads the full need and messages the (anonymous) company -> the owner revokes -> the
// researcher sees the teaser again, on the very next request.
import { expect, test } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";
import { waitForMessage } from "./helpers/mail";

test("a confidential need: teaser, NDA request, approval, full text and messages, revocation", async ({ browser }) => {
  // Two users sign up and ~20 pages render: more than the default minute on a small machine.
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const title = `高镍正极材料低温析锂抑制 ${stamp}`;
  const teaser = "寻找锂电池低温快充方向的合作团队，细节签署保密协议后可见。";
  const secret = `我们的 9 系高镍正极在 -20 °C 快充时负极析锂严重，内部代号 PX-${stamp}，已试过电解液添加剂但循环寿命不足。`;

  // The company posts the need, choosing "confidential" and writing the public teaser.
  const companyContext = await browser.newContext();
  const owner = await companyContext.newPage();
  const company = uniqueUser("confco");
  await signUpAndConfirm(owner, company, "COMPANY");
  await owner.goto("/zh-CN/needs/new/quick");
  await owner.getByLabel("需求标题").fill(title);
  await owner.getByLabel("问题描述").fill(secret);
  await owner.getByLabel("技术领域").fill("电池材料");
  await owner.getByLabel("关键词").fill("高镍正极、析锂");
  await owner.getByLabel("保密（仅展示摘要）").check();
  await expect(owner.getByTestId("confidential-settings")).toBeVisible();
  await owner.getByLabel("对外摘要").fill(teaser);
  await owner.getByRole("button", { name: "发布需求" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(title);
  // The owner is not told "you accepted an NDA" on their own need.
  await expect(owner.getByTestId("owner-confidential-banner")).toBeVisible();
  await expect(owner.getByTestId("confidential-banner")).toHaveCount(0);
  await expect(owner.getByTestId("need-detail")).toContainText(`PX-${stamp}`);
  const needUrl = new URL(owner.url()).pathname;

  // The researcher finds the need but sees only its teaser.
  const researcherContext = await browser.newContext();
  const researcherPage = await researcherContext.newPage();
  const researcher = uniqueUser("confre");
  await signUpAndConfirm(researcherPage, researcher, "RESEARCHER");
  await researcherPage.goto(needUrl);
  const detail = researcherPage.getByTestId("need-detail");
  await expect(detail).toContainText(title);
  await expect(detail).toContainText(teaser);
  await expect(detail).toContainText("这是一项保密需求，您目前只能看到摘要。");
  await expect(detail).toContainText("匿名企业");
  await expect(researcherPage.locator("body")).not.toContainText(`PX-${stamp}`);
  await expect(researcherPage.locator("body")).not.toContainText(company.org);

  // ...asks for access: the NDA must be accepted first.
  await researcherPage.getByTestId("access-link").click();
  await expect(researcherPage.getByRole("heading", { level: 1 })).toHaveText("申请查看保密需求");
  await expect(researcherPage.getByTestId("nda-text")).not.toBeEmpty();
  await researcherPage.getByRole("button", { name: "接受协议并提交申请" }).click();
  await expect(researcherPage.getByTestId("request-access-form")).toContainText("请先阅读并接受保密协议");
  await researcherPage.getByLabel("给需求方的留言（选填）").fill("我们课题组做固态电解质界面，希望了解细节。");
  await researcherPage.getByLabel("我已阅读并接受上述保密协议", { exact: false }).check();
  const requestedAt = new Date();
  await researcherPage.getByRole("button", { name: "接受协议并提交申请" }).click();
  await expect(researcherPage.getByTestId("access-status")).toHaveText("您的申请正在等待需求方审核。");
  await researcherPage.goto(needUrl);
  await expect(researcherPage.getByTestId("access-link")).toHaveText("访问申请审核中");
  await expect(researcherPage.locator("body")).not.toContainText(`PX-${stamp}`);

  // The owner is told (by email, without any need text) and approves.
  const asked = await waitForMessage(company.email, { after: requestedAt, match: (m) => m.subject.includes("申请查看") });
  expect(`${asked.subject}\n${asked.text ?? ""}`).not.toContain(title);
  await owner.goto(needUrl);
  await owner.getByRole("link", { name: "访问申请" }).click();
  const request = owner.getByTestId("access-request");
  await expect(request).toHaveCount(1);
  await expect(request).toContainText(researcher.name);
  // ...the request reads from the owner's side, not as if the owner had asked.
  await expect(request.getByTestId("access-request-status")).toHaveText("等待您审核。");
  await request.getByTestId("approve-form").getByRole("button", { name: "批准" }).click();
  await expect(request.getByTestId("access-request-status")).toContainText("已批准：对方可查看完整需求");

  // The researcher now reads the full need (still not told who the company is)...
  await researcherPage.goto(needUrl);
  await expect(researcherPage.getByTestId("confidential-banner")).toBeVisible();
  await expect(detail).toContainText(`PX-${stamp}`);
  await expect(detail).toContainText("匿名企业");
  await expect(researcherPage.locator("body")).not.toContainText(company.org);

  // ...and messages the owner in the request's thread.
  await researcherPage.getByTestId("access-link").click();
  await expect(researcherPage.getByTestId("access-status")).toContainText("已获批准");
  const question = `请问 PX-${stamp} 的循环寿命目标是多少？`;
  await researcherPage.getByLabel("消息内容").fill(question);
  await researcherPage.getByRole("button", { name: "发送" }).click();
  await expect(researcherPage.getByTestId("thread")).toContainText(question);

  // The owner reads it in the thread and answers; the researcher sees the "anonymous company".
  await owner.goto(`${needUrl}/requests`);
  await owner.getByTestId("access-request").getByRole("link", { name: "打开消息" }).click();
  await expect(owner.getByTestId("thread")).toContainText(question);
  const answer = "目标是 1000 次循环容量保持 80%。";
  await owner.getByLabel("消息内容").fill(answer);
  await owner.getByRole("button", { name: "发送" }).click();
  await expect(owner.getByTestId("thread")).toContainText(answer);
  await researcherPage.reload();
  await expect(researcherPage.getByTestId("thread")).toContainText(answer);
  await expect(researcherPage.getByTestId("thread")).toContainText("匿名企业");

  // The owner's audit trail shows the researcher's view of the full text.
  await owner.goto(`${needUrl}/audit`);
  await expect(owner.getByTestId("audit-table")).toContainText("查看了完整需求");
  await expect(owner.getByTestId("audit-table")).toContainText("接受了保密协议");

  // The owner revokes: the very next request of the researcher shows the teaser only.
  await owner.goto(`${needUrl}/requests`);
  await owner.getByTestId("revoke-form").getByRole("button", { name: "撤销访问权限" }).click();
  await expect(owner.getByTestId("access-request-status")).toContainText("您已撤销对方的访问权限。");
  await researcherPage.goto(needUrl);
  await expect(detail).toContainText("这是一项保密需求，您目前只能看到摘要。");
  await expect(detail).toContainText(teaser);
  await expect(researcherPage.locator("body")).not.toContainText(`PX-${stamp}`);
  await researcherPage.goto(`${needUrl}/access`);
  await expect(researcherPage.getByTestId("access-status")).toHaveText("您的访问权限已被撤销。 (项目已结束)");
  await expect(researcherPage.getByTestId("thread")).toHaveCount(0);
  await expect(researcherPage.locator("body")).not.toContainText(question);

  await companyContext.close();
  await researcherContext.close();
});

test("the owner tightens a need's level in the edit form: it takes effect at once, search included", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const title = `工业视觉缺陷检测 ${stamp}`;
  const hiddenWord = `KX${stamp}`;
  const teaser = "寻找工业视觉检测算法团队，细节保密。";

  const companyContext = await browser.newContext();
  const owner = await companyContext.newPage();
  await signUpAndConfirm(owner, uniqueUser("tightco"), "COMPANY");
  await owner.goto("/zh-CN/needs/new/quick");
  await owner.getByLabel("需求标题").fill(title);
  await owner.getByLabel("问题描述").fill(`我们的产线需要检测金属表面划痕，现有方案 ${hiddenWord} 误检率高，希望合作改进。`);
  await owner.getByLabel("技术领域").fill("机器视觉");
  await owner.getByRole("button", { name: "发布需求" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(title);
  const needUrl = new URL(owner.url()).pathname;

  // A public need: found by a word of its description once the worker indexed it.
  const researcherContext = await browser.newContext();
  const researcher = await researcherContext.newPage();
  await signUpAndConfirm(researcher, uniqueUser("tightre"), "RESEARCHER");
  const searchFor = (q: string) => researcher.goto(`/zh-CN/search?type=needs&q=${encodeURIComponent(q)}`);
  // This need is not among the hits (other tests' needs may be, through typo tolerance on their stamps).
  const notFound = async () => {
    await expect(researcher.getByTestId("search-empty").or(researcher.getByTestId("search-hits"))).toBeVisible();
    await expect(researcher.getByRole("link", { name: title })).toHaveCount(0);
  };
  await expect(async () => {
    await searchFor(hiddenWord);
    await expect(researcher.getByTestId("search-hits")).toContainText(title, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // PUBLIC -> CONFIDENTIAL in the edit form (prefilled with the stored need).
  await owner.getByRole("link", { name: "编辑需求" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText("编辑需求");
  await expect(owner.getByLabel("需求标题")).toHaveValue(title);
  await owner.getByLabel("保密（仅展示摘要）").check();
  await owner.getByLabel("对外摘要").fill(teaser);
  await owner.getByRole("checkbox", { name: "所在区域" }).check();
  await owner.getByRole("button", { name: "保存修改" }).click();
  // Saving waits until the search index dropped the need's full text (slow on a busy machine).
  await expect(owner.getByTestId("owner-confidential-banner")).toBeVisible({ timeout: 30_000 });

  // The very next requests: teaser only, and the description's word finds nothing.
  await researcher.goto(needUrl);
  await expect(researcher.getByTestId("need-detail")).toContainText(teaser);
  await expect(researcher.locator("body")).not.toContainText(hiddenWord);
  await searchFor(hiddenWord);
  await notFound();
  await searchFor(title);
  await expect(researcher.getByTestId("search-hits")).toContainText(title);

  // CONFIDENTIAL -> BROKER_ONLY: the need is gone for the researcher, page and search.
  await owner.getByRole("link", { name: "编辑需求" }).click();
  await expect(owner.getByLabel("保密（仅展示摘要）")).toBeChecked();
  await expect(owner.getByLabel("对外摘要")).toHaveValue(teaser);
  await owner.getByLabel("仅经纪人可见").check();
  await owner.getByRole("button", { name: "保存修改" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 30_000 });
  const gone = await researcher.goto(needUrl);
  expect(gone?.status()).toBe(404);
  await expect(researcher.locator("body")).not.toContainText(title);
  await searchFor(title);
  await notFound();

  // Both level changes are in the owner's audit trail.
  await owner.goto(`${needUrl}/audit`);
  await expect(owner.getByTestId("audit-table").getByText("修改了可见性")).toHaveCount(2);

  await companyContext.close();
  await researcherContext.close();
});
