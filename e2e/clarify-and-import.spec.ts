// Issue 14, the last pieces: a broker's clarification request is answered where it is read (the
// need's page, with a reply box) and the broker reads the answer; a broker imports needs collected
// on visits from a spreadsheet, downloads the row report, and the company finds the drafts to confirm.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiPost, createMember, signIn, type Member } from "./helpers/members";
import { grantStaffRoleByCli } from "./helpers/staff";

async function pageOf(browser: Browser, member: Member): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, member);
  return page;
}

async function brokerPage(browser: Browser): Promise<{ page: Page; broker: Member }> {
  const broker = await createMember("broker", "researcher");
  await grantStaffRoleByCli(broker.email, "broker");
  return { page: await pageOf(browser, broker), broker };
}

test("a broker asks the owner to clarify, the owner answers on the need's page, the broker reads the answer", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createMember("clarify", "company");
  const title = `储能电池包导热界面材料 ${Date.now().toString(36)}`;
  const need = await apiPost(request, owner.token, "/api/v1/needs", {
    title,
    description: "储能电池包在夏季高温下散热不足，需要导热系数更高、可量产的界面材料。",
    field: "新材料",
  });
  const { page: broker } = await brokerPage(browser);
  await broker.goto(`/zh-CN/broker/needs/${need.id}`);
  await broker.getByRole("button", { name: "分配给我" }).click();
  await broker.getByText("请企业澄清").click();
  await broker.getByLabel("问题").fill("目标导热系数和厚度范围是多少？");
  await broker.getByRole("button", { name: "发送问题" }).click();
  await expect(broker.getByText("问题已发送给需求方。")).toBeVisible();

  // The owner opens the notification and answers right there.
  const company = await pageOf(browser, owner);
  await company.goto("/zh-CN/notifications");
  await company
    .getByTestId("notifications")
    .getByRole("link", { name: new RegExp(`对您的需求「${title}」有疑问`) })
    .click();
  await expect(company).toHaveURL(new RegExp(`/zh-CN/needs/${need.id}`));
  const panel = company.getByTestId("clarifications");
  await expect(panel).toContainText("目标导热系数和厚度范围是多少？");
  await panel.getByLabel("您的答复").fill("导热系数不低于 8 W/mK，厚度 0.5 到 2 毫米。");
  await panel.getByRole("button", { name: "发送答复" }).click();
  await expect(company.getByText("答复已发送给技术经纪人。")).toBeVisible();
  await expect(panel).toContainText("导热系数不低于 8 W/mK，厚度 0.5 到 2 毫米。");
  await expect(panel.getByRole("button", { name: "发送答复" })).toHaveCount(0);
  // Both moves are in the need's history.
  await company.goto(`/zh-CN/needs/${need.id}/audit`);
  await expect(company.getByTestId("audit-table")).toContainText("答复了技术经纪人的问题");

  // The broker is told, in their language, and reads the answer on the triage page.
  await broker.goto("/en/notifications");
  await broker
    .getByTestId("notifications")
    .getByRole("link", { name: new RegExp(`The owner answered your question about “${title}”`) })
    .click();
  await expect(broker).toHaveURL(new RegExp(`/en/broker/needs/${need.id}`));
  await expect(broker.getByTestId("clarifications")).toContainText("导热系数不低于 8 W/mK");
});

test("a broker imports needs collected on visits, downloads the row report, and the company confirms the drafts", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await createMember("imported", "company");
  const { page } = await brokerPage(browser);
  const run = Date.now().toString(36);
  const csv = [
    "company,title,description,field,chainNodeId,collaborationModes",
    `${owner.org},电池包导热界面材料 ${run},储能电池包在夏季高温下散热不足，需要导热系数更高、可量产的界面材料。,新材料,热管理与导热材料,委托研发、合作开发`,
    `没有这家企业 ${run},焊缝缺陷在线检测 ${run},激光焊接产线依靠人工抽检焊缝，气孔和裂纹漏检率高，需要在线视觉检测。,智能制造,,`,
  ].join("\r\n");
  await page.goto("/zh-CN/visits");
  await page.getByRole("link", { name: "需求整理在表格里？批量导入" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("批量导入需求");
  await page.getByLabel("CSV（UTF-8 或 GBK）或 XLSX 文件").setInputFiles({ name: "走访需求.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("2");
  await expect(page.getByTestId("import-problems")).toContainText("平台上没有这个名称的企业");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-report-download").click()]);
  expect(download.suggestedFilename()).toBe("needs-import-report.csv");
  const report = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(report.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("行号,列,问题");
  expect(report).toContain("3,company,平台上没有这个名称的企业");

  await page.getByRole("button", { name: "只导入 1 行有效数据" }).click();
  await expect(page.getByTestId("import-done")).toContainText("已创建 1 个需求草稿");

  const company = await pageOf(browser, owner);
  await company.goto("/zh-CN/needs");
  await expect(company.getByTestId("awaiting-confirmation")).toContainText(`电池包导热界面材料 ${run}`);
});
