// Issue 16: the chain monitor. A company posts needs through the API (six on one node, one
// confidential need on another chain); the aggregates are refreshed (the cron job's work, through
// the test hook); a policy analyst (granted by the operator) opens the chain map, drills into the
// node (also through the node filter, in English too), exports a chart, builds a key project list,
// exports it as XLSX and PDF, and turns the item into a challenge draft of their park programme
// (a DRAFT they cannot publish). An anonymous visitor opens the public metrics,
// where the one-need chain is suppressed and the confidential need's title appears nowhere.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { uniqueUser } from "./helpers/accounts";
import { createMember, signIn } from "./helpers/members";
import { createParkAnalyst } from "./helpers/staff";

const NODE = "laser.source"; // 激光器与泵浦源 (chain 激光与增材制造)
const OTHER_NODE = "biomed.synbio"; // 合成生物与生物制造 (chain 生物医药)

test("an analyst opens the chain map, drills into a node, builds and exports a key project list, turns an item into a challenge draft; public metrics suppress small cells", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);

  // ---- data, through the API
  const { token } = await createMember("monitor-company", "company");
  const post = async (title: string, chainNodeId: string, visibility: "PUBLIC" | "CONFIDENTIAL") => {
    const res = await request.post("/api/v1/needs", {
      headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
      data: {
        title,
        description: "我们需要一种高功率光纤激光器泵浦源的散热方案，要求在连续工作条件下温升不超过十五摄氏度，并能批量生产。",
        field: "激光",
        keywords: ["激光", "泵浦", "散热"],
        visibility,
        ...(visibility === "CONFIDENTIAL" ? { teaser: "一项生物制造工艺需求（保密）" } : {}),
        chainNodeId,
        trlTarget: 6,
        collaborationModes: ["CO_DEVELOPMENT"],
        region: "南山区",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  };
  const titles = Array.from({ length: 6 }, (_, i) => `泵浦源散热方案 ${tag}-${i}`);
  for (const title of titles) await post(title, NODE, "PUBLIC");
  const secret = `机密合成生物工艺 ${tag}`;
  await post(secret, OTHER_NODE, "CONFIDENTIAL");
  const refresh = await request.post("/api/test/monitor-refresh");
  expect(refresh.status(), await refresh.text()).toBe(200);

  // ---- the analyst
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // A park administration's analyst, made by the operator (government bodies have no self-service sign-up).
  const analyst = uniqueUser("monitor-analyst");
  await createParkAnalyst(analyst, "e2e: park analyst");
  await signIn(page, analyst);

  await page.goto("/zh-CN/monitor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("产业链监测");
  const chain = page.getByTestId("chain-map-laser");
  await expect(chain.locator("canvas").first()).toBeVisible();
  const row = page.getByTestId(`node-row-${NODE}`);
  await expect(row.locator('[data-stat="score"]')).not.toHaveText("0");

  // Drill into the node.
  await row.getByRole("link", { name: "激光器与泵浦源" }).click();
  await expect(page.getByTestId("portrait-title")).toContainText("激光器与泵浦源");
  await expect(page.getByTestId("top-needs")).toContainText(titles[0]!);
  await expect(page.getByTestId("supply")).toContainText("研究人员");
  // The node filter leads to a portrait too (here in English, one region, 12 months).
  await page.goto("/en/monitor?region=%E5%8D%97%E5%B1%B1%E5%8C%BA&period=12");
  await page.getByTestId("filter-node").selectOption(NODE);
  await page.getByTestId("monitor-filters").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/monitor/nodes/${NODE.replace(".", "\\.")}\\?region=`));
  await expect(page.getByTestId("portrait-title")).toContainText("Laser");
  await expect(page.getByTestId("top-needs")).toContainText(titles[0]!);
  await page.goto(`/zh-CN/monitor/nodes/${NODE}`);
  // Every chart exports PNG and CSV.
  const monthly = page.getByTestId(`chart-node-${NODE}-monthly`);
  await expect(monthly.locator("canvas").first()).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent("download"), monthly.getByTestId("export-csv").click()]);
  expect(csv.suggestedFilename()).toBe(`node-${NODE}-monthly.csv`);
  expect(readFileSync(await csv.path()).toString("utf8")).toContain("发布需求");
  const [png] = await Promise.all([page.waitForEvent("download"), monthly.getByTestId("export-png").click()]);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe("PNG");

  // A key project list: create it, add the node with one of its needs, annotate.
  await page.goto("/zh-CN/monitor/lists");
  await page.getByLabel("清单名称").fill(`重点项目清单 ${tag}`);
  await page.getByRole("button", { name: "创建" }).click();
  await expect(page.getByTestId("key-list-title")).toHaveText(`重点项目清单 ${tag}`);
  const listUrl = page.url();
  await page.goto(`/zh-CN/monitor/nodes/${NODE}`);
  const add = page.getByTestId("add-to-list");
  await add.getByLabel(titles[0]!).check();
  await add.getByLabel("批注").fill("泵浦源散热是瓶颈，建议列入攻关");
  await add.getByRole("button", { name: "加入" }).click();
  await expect(add.getByRole("status")).toContainText("已加入清单");
  await page.goto(listUrl);
  const item = page.getByTestId(`key-item-${NODE}`);
  await expect(item).toContainText(titles[0]!);
  await expect(item.getByLabel("批注")).toHaveValue("泵浦源散热是瓶颈，建议列入攻关");

  // Exports.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-pdf").click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
  // Turn the item into a challenge draft: a DRAFT of the analyst's park programme, which the
  // analyst may read but not publish (publishing is the programme staff's).
  await item.getByRole("button", { name: "转为榜单草稿" }).click();
  const draftLink = item.getByRole("link", { name: /榜单草稿/ });
  await expect(draftLink).toBeVisible();
  await draftLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("激光器与泵浦源");
  await expect(page.locator("main")).toContainText("草稿");
  await expect(page.locator("main")).not.toContainText(secret);
  await expect(page.getByRole("button", { name: /发布/ })).toHaveCount(0);
  const manage = await page.goto(page.url() + "/manage");
  expect(manage?.status()).toBe(404);
  await context.close();

  // ---- public metrics, anonymous
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/zh-CN/metrics");
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("平台成效公开数据");
  const now = new Date();
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const table = publicPage.getByTestId(`metrics-${quarter}`);
  await expect(table).toBeVisible();
  // The one-need chain shows nothing, and neither does any cell that would give it back.
  const biomed = table.getByTestId("metrics-row-biomed");
  await expect(biomed.locator('[data-suppressed="1"]')).toHaveCount(8);
  await expect(table.getByTestId("metrics-row-*").locator('[data-metric="needsPosted"]')).not.toHaveAttribute("data-suppressed", "1");
  await expect(publicPage.locator("body")).not.toContainText(secret);
  // Shared instruments' external sharing rate by kind of institution and region, with its trend.
  const sharing = publicPage.getByTestId("metrics-sharing");
  await expect(sharing.getByRole("heading", { name: "大型科研仪器共享率（近 12 个月）" })).toBeVisible();
  // (a table once instruments were used in the last 12 months, a sentence before)
  await expect(sharing.getByTestId("metrics-sharing-kind")).toBeVisible();
  await expect(sharing.getByTestId("metrics-sharing-region")).toBeVisible();
  await visitor.close();
});
