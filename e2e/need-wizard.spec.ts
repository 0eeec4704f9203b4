// Issue 3 (讲不清): the guided need wizard, broker-assisted drafts, bulk import and facets, in zh-CN.
import { expect, test, type Browser, type Page } from "@playwright/test";
import writeXlsxFile from "write-excel-file/node";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser, type TestUser } from "./helpers/accounts";
import { waitForLink } from "./helpers/mail";
import { grantStaffRoleByCli } from "./helpers/staff";

async function signedIn(browser: Browser, prefix: string, role: "COMPANY" | "RESEARCHER"): Promise<{ page: Page; user: TestUser }> {
  const page = await (await browser.newContext()).newPage();
  const user = uniqueUser(prefix);
  await signUpAndConfirm(page, user, role);
  return { page, user };
}

// A broker joins through an invitation from their institution's admin (as a researcher), is
// accredited by the platform (grant-role), then signs in.
async function signedInBroker(browser: Browser): Promise<Page> {
  const { page: admin } = await signedIn(browser, "tto", "RESEARCHER");
  const broker = uniqueUser("broker");
  const startedAt = new Date();
  await admin.goto("/zh-CN/account");
  await admin.getByLabel("同事的电子邮箱").fill(broker.email);
  await admin.getByLabel("角色").selectOption("RESEARCHER");
  await admin.getByRole("button", { name: "发送邀请" }).click();
  await expect(admin.getByRole("status")).toContainText(broker.email);
  const link = await waitForLink(broker.email, "/invitations/", { after: startedAt });
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("姓名").fill(broker.name);
  await page.getByLabel("密码").fill(broker.password);
  await page.getByRole("button", { name: "接受邀请并创建账户" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await grantStaffRoleByCli(broker.email, "broker");
  await page.goto("/zh-CN/sign-in");
  await page.getByLabel("电子邮箱").first().fill(broker.email);
  await page.getByLabel("密码").fill(broker.password);
  await page.getByRole("button", { name: "登录" }).first().click();
  await expect(page.getByTestId("current-user")).toHaveText(broker.name);
  return page;
}

// The catalogue holds one result and one need before the tests (Meilisearch refuses searches on
// an index that has never seen a document: "Attribute `title` is not searchable").
test.beforeAll(async ({ browser, request }) => {
  const seeds = [
    {
      role: "RESEARCHER",
      type: "results",
      body: { title: "九轴惯性姿态估计算法", summary: "面向可穿戴设备的姿态估计算法，在强磁干扰环境下自动识别并抑制磁力计异常。", field: "传感器" },
    },
    {
      role: "COMPANY",
      type: "needs",
      body: { title: "储能电池低温快充", description: "储能电池在零下二十度时充电缓慢，需要低温下离子电导率高的电解质材料。", field: "电池材料" },
    },
  ] as const;
  for (const seed of seeds) {
    const { page } = await signedIn(browser, `seed${seed.role.toLowerCase()}`, seed.role);
    const token = await createApiTokenInUi(page);
    await page.context().close();
    const headers = { authorization: `Bearer ${token}` };
    const res = await request.post(`/api/v1/${seed.type}`, { headers, data: seed.body });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // Indexing runs in the worker: wait until the item is searchable.
    await expect(async () => {
      const search = await request.get(`/api/v1/search?type=${seed.type}&q=${encodeURIComponent(seed.body.title)}`, { headers });
      expect(await search.text()).toContain(id);
    }).toPass({ timeout: 30_000 });
  }
});

const step = (page: Page, name: RegExp) => page.getByRole("button", { name }).first().click();
const saved = (page: Page) => expect(page.getByTestId("autosave-status")).toContainText("已自动保存");

test("a company member completes the wizard with suggested tags and publishes a need", async ({ browser }) => {
  const { page } = await signedIn(browser, "wizard", "COMPANY");
  const title = `智能手环强磁环境下的姿态估计 ${Date.now().toString(36)}`;
  await page.goto("/zh-CN/needs/new");
  await expect(page.getByText("示例：").first()).toBeVisible();
  await page.getByLabel("用一句话说出您要解决的技术问题").fill(title);
  await page
    .getByLabel("用平常的话描述这个问题：它在什么场景下出现、影响了什么？")
    .fill("我们是一家智能手环厂商，产品在地铁和电梯等强磁环境下航向漂移严重，运动轨迹错乱，希望获得能识别磁干扰并保持航向稳定的姿态估计算法。");
  // The draft saves itself and gets an address; a reload brings it back.
  await saved(page);
  await expect(page).toHaveURL(/\/zh-CN\/needs\/[^/]+\/wizard$/);
  await page.reload();
  await expect(page.getByLabel("用一句话说出您要解决的技术问题")).toHaveValue(title);

  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("您已经试过哪些办法？为什么效果不够？").fill("试过传统互补滤波，强磁下航向误差超过 15 度。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("理想情况下，您希望得到什么？").fill("可移植到现有固件的姿态估计算法库。");
  await page.getByLabel("怎样才算解决了？请给出可以测量的指标").fill("地铁环境测试 30 分钟，航向误差小于 3 度。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("有哪些限制？（成本、尺寸、功耗、认证、法规等）").fill("MCU 主频 64 MHz，RAM 32 KB。");
  await page.getByLabel("您需要的技术成熟度").selectOption("6");
  // Bad input gets a field error in Chinese.
  await page.getByLabel("预算下限（元）").fill("500000");
  await page.getByLabel("预算上限（元）").fill("200000");
  await expect(page.getByText("预算下限不能高于上限")).toBeVisible();
  await page.getByLabel("预算上限（元）").fill("800000");
  await expect(page.getByText("预算下限不能高于上限")).toHaveCount(0);
  await page.getByLabel("希望何时完成？").fill("2030-06-30");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("委托研发").check();
  await page.getByLabel("所在区域").fill("深圳市南山区");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("技术领域").fill("传感器");

  // One-click acceptance of suggested keywords and chain node.
  const suggested = page.getByTestId("suggested-keywords");
  await expect(suggested.getByRole("button", { name: "添加关键词 姿态估计" })).toBeVisible();
  await suggested.getByRole("button", { name: "添加关键词 姿态估计" }).click();
  await expect(page.getByTestId("keywords").getByRole("listitem")).toHaveCount(1);
  await suggested
    .getByRole("button", { name: /添加关键词/ })
    .first()
    .click();
  await expect(page.getByTestId("keywords").getByRole("listitem")).toHaveCount(2);
  await suggested
    .getByRole("button", { name: /添加关键词/ })
    .first()
    .click();
  await expect(page.getByTestId("keywords").getByRole("listitem")).toHaveCount(3);
  await page.getByTestId("suggested-nodes").getByRole("button", { name: "选用 信号处理与多传感器融合算法" }).click();
  await expect(page.locator("#chainNodeId")).toHaveValue("sensor.fusion");
  await saved(page);

  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByTestId("completeness-score")).toHaveText("100%");
  await expect(page.getByTestId("preview")).toContainText(title);
  await expect(page.getByTestId("preview")).toContainText("航向误差小于 3 度");
  await page.getByRole("button", { name: "发布需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("need-status")).toHaveText("已发布");
  await expect(page.getByTestId("need-detail")).toContainText("姿态估计");
  await expect(page.getByTestId("owner-actions")).toContainText("请在");

  // Facets narrow the needs list; the URL is shareable.
  await page.goto("/zh-CN/needs");
  await page
    .getByTestId("facet-node")
    .getByRole("link", { name: /信号处理与多传感器融合算法/ })
    .click();
  await expect(page).toHaveURL(/node=sensor\.fusion/);
  await expect(page.getByTestId("need-list")).toContainText(title);
  await page
    .getByTestId("facet-mode")
    .getByRole("link", { name: /委托研发/ })
    .click();
  await expect(page).toHaveURL(/mode=COMMISSIONED_RD/);
  await expect(page.getByTestId("need-list")).toContainText(title);
  await page.goto("/zh-CN/needs?node=sensor.fusion&mode=EQUITY");
  await expect(page.getByText(title)).toHaveCount(0);
  await page.goto("/zh-CN/needs?node=energy.storage");
  await expect(page.getByText(title)).toHaveCount(0);
});

test("a broker drafts a need after a visit and the company confirms it", async ({ browser }) => {
  const { page: company, user } = await signedIn(browser, "visited", "COMPANY");
  const broker = await signedInBroker(browser);
  const title = `电池包导热界面材料 ${Date.now().toString(36)}`;

  await broker.goto("/zh-CN/visits");
  await broker.getByLabel("拜访的企业").selectOption({ label: user.org });
  await broker.getByLabel("拜访日期").fill(new Date().toISOString().slice(0, 10));
  await broker.getByLabel("会见人员").fill("王总（CTO）、李工（研发经理）");
  await broker.getByLabel("拜访记录").fill("储能电池包散热不足，夏季需要降功率运行。");
  await broker.getByRole("button", { name: "保存拜访并起草需求" }).click();
  await expect(broker.getByRole("heading", { level: 1 })).toHaveText("为企业起草需求（拜访记录）");
  // The visit's notes are carried into the draft: the wizard opens with them as the description.
  const description = broker.getByLabel("用平常的话描述这个问题：它在什么场景下出现、影响了什么？");
  await expect(description).toHaveValue("储能电池包散热不足，夏季需要降功率运行。");
  await broker.getByLabel("用一句话说出您要解决的技术问题").fill(title);
  await description.fill("储能电池包在夏季高温下散热不足，需要降功率运行，希望找到导热系数更高、可量产的界面材料。");
  await step(broker, /^6\. /);
  await broker.getByLabel("技术领域").fill("新材料");
  await step(broker, /^7\. /);
  await broker.getByRole("button", { name: "保存草稿，交企业确认" }).click();
  await expect(broker.getByText("草稿已保存，企业确认后才会发布。")).toBeVisible();

  // Nothing is public yet: the company sees the draft waiting for its confirmation.
  await company.goto("/zh-CN/needs");
  const awaiting = company.getByTestId("awaiting-confirmation");
  await expect(awaiting).toContainText(title);
  await awaiting.getByRole("link", { name: "核对并确认" }).click();
  await expect(company.getByTestId("broker-draft-notice")).toContainText("王总（CTO）");
  await expect(company.getByLabel("用一句话说出您要解决的技术问题")).toHaveValue(title);
  await step(company, /^7\. /);
  await company.getByRole("button", { name: "确认并发布" }).click();
  await expect(company.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(company.getByTestId("need-status")).toHaveText("已发布");

  // The broker's analytics count the published need (counts only; companies have no such page).
  await broker.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "需求分析" }).click();
  await expect(broker.getByRole("heading", { level: 1 })).toHaveText("产业链需求分析");
  await expect
    .poll(async () => Number(await broker.getByTestId("analytics-totals").locator('[data-stat="openNeeds"]').textContent()))
    .toBeGreaterThanOrEqual(1);
  await expect(broker.getByTestId("analytics-totals")).not.toContainText(title);
  await company.goto("/zh-CN/analytics");
  await expect(company.getByRole("heading", { level: 1 })).not.toHaveText("产业链需求分析");
});

test("a tech-transfer officer imports a 50-row CSV with 2 bad rows, then facets narrow the results", async ({ browser, request }) => {
  const { page } = await signedIn(browser, "officer", "RESEARCHER");
  const template = await request.get("/api/results-import-template");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toContain("text/csv");
  const header = (await template.text()).replace(/^\uFEFF/, "").split("\r\n")[0]!;
  const run = Date.now().toString(36);
  const lines = [header];
  for (let i = 1; i <= 50; i++) {
    const trl = i === 11 ? "10" : String((i % 3) + 4); // row 12 of the file: TRL out of range
    const summary = i === 39 ? "太短" : "导热系数大于 8 W/mK 的相变界面材料，适用于电池包与功率器件散热。"; // row 40: summary too short
    const node = i <= 25 ? "materials.thermal" : "energy.materials";
    lines.push(
      [`E2E-${run}-${i}`, `导热材料成果 ${i} 号 ${run}`, summary, "", `材料${run}`, "导热、界面材料", trl, "许可", node, "", "", "", "", "", ""].join(","),
    );
  }
  await page.goto("/zh-CN/results/import");
  await page
    .getByLabel("CSV（UTF-8 或 GBK）或 XLSX 文件")
    .setInputFiles({ name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("共 50 行：有效 48 行，有问题 2 行。尚未写入任何数据。");
  const problems = page.getByTestId("import-problems").locator("tbody tr");
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText("12");
  await expect(problems.nth(0)).toContainText("trl");
  await expect(problems.nth(1)).toContainText("40");
  await expect(problems.nth(1)).toContainText("summary");
  // Nothing was written by the check.
  await page.goto(`/zh-CN/results?field=${encodeURIComponent(`材料${run}`)}`);
  await expect(page.getByTestId("total")).toHaveText("共 0 条");

  await page.goto("/zh-CN/results/import");
  await page
    .getByLabel("CSV（UTF-8 或 GBK）或 XLSX 文件")
    .setInputFiles({ name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await page.getByRole("button", { name: "只导入 48 行有效数据" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("导入完成：新增 48 项，更新 0 项。");

  // Facets: field -> 48, then chain node -> 25 (rows 1-25 minus none bad), then TRL.
  await page.goto(`/zh-CN/results?field=${encodeURIComponent(`材料${run}`)}`);
  await expect(page.getByTestId("total")).toHaveText("共 48 条");
  await page
    .getByTestId("facet-node")
    .getByRole("link", { name: /热管理与导热材料/ })
    .click();
  await expect(page).toHaveURL(/node=materials\.thermal/);
  await expect(page.getByTestId("total")).toHaveText("共 24 条"); // row 12 (i = 11) was bad
  await page.getByTestId("facet-trl").getByRole("link", { name: /TRL 5/ }).click();
  await expect(page).toHaveURL(/trl=5/);
  const items = page.getByTestId("result-list").getByRole("listitem");
  // i in 1..25 with i % 3 == 1, minus i = 11 is not in that set: 1,4,7,10,13,16,19,22,25 -> 9
  await expect(page.getByTestId("total")).toHaveText("共 9 条");
  for (const text of await items.allTextContents()) expect(text).toContain("TRL 5");
  // The filtered URL is shareable: a fresh visit shows the same list.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByTestId("total")).toHaveText("共 9 条");

  // XLSX: its template downloads next to the CSV one; a workbook goes through the same report and
  // re-imports by external id; content that is not a workbook is refused by its bytes.
  const xlsxTemplate = await request.get("/api/results-import-template?format=xlsx");
  expect(xlsxTemplate.status()).toBe(200);
  expect(xlsxTemplate.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsxTemplate.body()).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const columns = header.split(",");
  const xlRow = (id: string, title: string, trl: number) =>
    columns.map(
      (c) =>
        ({
          externalId: id,
          title,
          summary: "导热系数大于 8 W/mK 的相变界面材料，适用于电池包与功率器件散热。",
          field: `材料${run}`,
          trl,
          transferModes: "许可",
          chainNodeId: "materials.thermal",
        })[c as "title"] ?? null,
    );
  const workbook = await writeXlsxFile([
    columns,
    xlRow(`E2E-${run}-1`, `导热材料成果 1 号（修订）${run}`, 6),
    xlRow(`E2E-${run}-XL`, `表格导入的成果 ${run}`, 5),
    xlRow(`E2E-${run}-BAD`, `表格中的坏行 ${run}`, 12),
  ]).toBuffer();
  await page.goto("/zh-CN/results/import");
  const fileInput = page.getByLabel("CSV（UTF-8 或 GBK）或 XLSX 文件");
  await fileInput.setInputFiles({ name: "results.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbook });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("共 3 行：有效 2 行，有问题 1 行。尚未写入任何数据。");
  await expect(page.getByTestId("import-problems").locator("tbody tr")).toHaveText([/^4\s*trl/]);
  await page.getByRole("button", { name: "只导入 2 行有效数据" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("导入完成：新增 1 项，更新 1 项。");
  await page.goto(`/zh-CN/results?field=${encodeURIComponent(`材料${run}`)}`);
  await expect(page.getByTestId("total")).toHaveText("共 49 条");

  await page.goto("/zh-CN/results/import");
  await fileInput.setInputFiles({
    name: "results.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from("%PDF-1.7 not a workbook"),
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByText(/该文件的内容不是 XLSX 工作簿/)).toBeVisible();
});

test("a researcher publishes a result with a PDF attached, then edits it", async ({ browser }) => {
  const { page } = await signedIn(browser, "author", "RESEARCHER");
  const run = Date.now().toString(36);
  await page.goto("/zh-CN/results/new");
  await page.getByLabel("成果名称").fill(`柔性压力传感器 ${run}`);
  await page.getByLabel("成果简介").fill("基于微结构介电层的柔性压力传感器，灵敏度高于 5 kPa⁻¹，可用于可穿戴设备与机器人触觉。");
  await page.getByLabel("技术领域").fill("传感器");
  await page.getByLabel("附件（PDF 或图片）").setInputFiles({ name: "说明书.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n%%EOF\n") });
  await page.getByRole("button", { name: "发布成果" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`柔性压力传感器 ${run}`);
  await expect(page.getByTestId("result-attachments")).toContainText("说明书.pdf");

  await page.getByTestId("edit-result").click();
  await expect(page.getByLabel("成果名称")).toHaveValue(`柔性压力传感器 ${run}`);
  await page.getByLabel("成果名称").fill(`柔性压力传感器（第二版）${run}`);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`柔性压力传感器（第二版）${run}`);
  await expect(page.getByTestId("result-attachments")).toContainText("说明书.pdf");
});
