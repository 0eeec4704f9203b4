// Issue 14, the open door: an anonymous visitor browses the home page and the catalogue, searches,
// opens a public need and a confidential one (its teaser only), never sees a BROKER_ONLY need,
// finds them in sitemap.xml as the policy allows, and signs in to make contact, landing back on
// the same need with the form open. Data is made through the REST API (fast); also run at 390x844.
import { expect, test } from "@playwright/test";
import { apiPost, createMember, signInHere, waitUntilSearchable, type Member } from "./helpers/members";

const stamp = `开门${Date.now().toString(36)}`;
let company: Member;
let researcher: Member;
let publicNeed: { id: string };
let confidentialNeed: { id: string };
let brokerOnlyNeed: { id: string };
let result: { id: string };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  [company, researcher] = await Promise.all([createMember("opencompany", "company"), createMember("openresearcher", "researcher")]);
  publicNeed = await apiPost(request, company.token, "/api/v1/needs", {
    title: `${stamp} 注塑件表面缩痕检测`,
    description: "我们的注塑件表面偶尔出现缩痕，人工目检漏检率高，希望找到能在线检测缩痕的机器视觉方案，检测节拍小于 2 秒。",
    field: "智能制造",
    keywords: ["机器视觉", "缺陷检测"],
    visibility: "PUBLIC",
  });
  confidentialNeed = await apiPost(request, company.token, "/api/v1/needs", {
    title: `${stamp} 新型密封材料配方`,
    teaser: "寻找耐高温密封材料方向的合作团队，细节签署保密协议后可见。",
    description: "保密正文：现有氟橡胶配方在 250 度下老化开裂，需要替代配方。",
    field: "新材料",
    visibility: "CONFIDENTIAL",
    teaserFields: ["trlTarget"],
    trlTarget: 5,
  });
  brokerOnlyNeed = await apiPost(request, company.token, "/api/v1/needs", {
    title: `${stamp} 仅经纪人可见`,
    description: "只给经纪人看的需求正文，涉及新产线规划，不对外公开。",
    field: "智能制造",
    visibility: "BROKER_ONLY",
  });
  result = await apiPost(request, researcher.token, "/api/v1/results", {
    title: `${stamp} 基于深度学习的注塑缺陷在线检测`,
    summary: "面向注塑件的缩痕、飞边在线检测方法，检测节拍 0.8 秒，已在两条产线验证。",
    field: "智能制造",
    keywords: ["机器视觉", "缺陷检测"],
    trl: 6,
  });
  await waitUntilSearchable(request, researcher.token, "needs", stamp, publicNeed.id);
});

test("a visitor sees the home page: live counts, newest needs and results, chains, how it works, footer", async ({ page }) => {
  await page.goto("/zh-CN");
  await expect(page.getByTestId("live-counts")).toBeVisible();
  expect(Number(await page.getByTestId("count-needs").textContent())).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("newest-needs")).toContainText(`${stamp} 注塑件表面缩痕检测`);
  await expect(page.getByTestId("newest-needs")).toContainText(`${stamp} 新型密封材料配方`);
  await expect(page.getByTestId("newest-needs")).not.toContainText("仅经纪人可见");
  await expect(page.getByTestId("newest-results")).toContainText(`${stamp} 基于深度学习的注塑缺陷在线检测`);
  await expect(page.getByTestId("chains")).toBeVisible();
  for (const role of ["company", "researcher", "broker"]) await expect(page.getByTestId(`how-${role}`)).toBeVisible();
  await page.getByTestId("site-footer").getByRole("link", { name: "隐私政策" }).click();
  await expect(page.getByTestId("info-privacy")).toBeVisible();
  await page.goto("/en");
  await expect(page.getByRole("heading", { name: "How it works" })).toBeVisible();
});

test("a visitor browses and searches; a public need in full, a confidential one as its teaser, never a broker-only one", async ({ page }) => {
  await page.goto("/zh-CN/needs");
  const list = page.getByTestId("need-list");
  await expect(list).toContainText(`${stamp} 注塑件表面缩痕检测`);
  await expect(list).toContainText("寻找耐高温密封材料方向的合作团队");
  await expect(list).not.toContainText("保密正文");
  await expect(list).not.toContainText("仅经纪人可见");

  await page.goto(`/zh-CN/search?type=needs&q=${encodeURIComponent(stamp)}`);
  const hits = page.getByTestId("search-hits");
  await expect(hits).toContainText(`${stamp} 注塑件表面缩痕检测`);
  await expect(hits).not.toContainText("仅经纪人可见");
  await hits.getByRole("link", { name: `${stamp} 注塑件表面缩痕检测` }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/needs/${publicNeed.id}$`));
  await expect(page.getByTestId("need-detail")).toContainText("人工目检漏检率高");
  await expect(page.getByTestId("need-detail")).toContainText(company.org); // PUBLIC: the company is named
  // Metadata for search engines and shared links.
  const base = new URL(page.url()).origin;
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${base}/zh-CN/needs/${publicNeed.id}`);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", `${base}/en/needs/${publicNeed.id}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${stamp} 注塑件表面缩痕检测`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /人工目检漏检率高/);

  await page.goto(`/zh-CN/needs/${confidentialNeed.id}`);
  await expect(page.getByTestId("need-detail")).toContainText("寻找耐高温密封材料方向的合作团队");
  await expect(page.getByTestId("need-detail")).toContainText("TRL");
  await expect(page.locator("body")).not.toContainText("保密正文");
  await expect(page.locator("body")).not.toContainText(company.org);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /寻找耐高温密封材料/);

  const hidden = await page.goto(`/zh-CN/needs/${brokerOnlyNeed.id}`);
  expect(hidden?.status()).toBe(404);

  await page.goto(`/en/results/${result.id}`);
  await expect(page.getByTestId("result-detail")).toContainText("0.8");
});

test("sitemap.xml lists public pages only; robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/zh-CN/needs/${publicNeed.id}`);
  expect(sitemap).toContain(`/en/needs/${confidentialNeed.id}`);
  expect(sitemap).toContain(`/zh-CN/results/${result.id}`);
  expect(sitemap).not.toContain(brokerOnlyNeed.id);
  expect(sitemap).toContain('hreflang="en"');
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  expect(robots).toContain("Disallow: /api/");
});

test("a member-only page says why it asks the visitor to sign in", async ({ page }) => {
  await page.goto("/zh-CN/deals");
  await expect(page).toHaveURL(/\/zh-CN\/sign-in\?callbackUrl=/);
  await expect(page.getByTestId("sign-in-reason")).toContainText("对接和合同只对参与的双方和经纪人可见");
});

test("a visitor signs in to say 'I can help' and lands back on the need with the form open", async ({ page }) => {
  await page.goto(`/zh-CN/needs/${publicNeed.id}`);
  await page.getByTestId("contact-sign-in").click();
  await expect(page.getByTestId("sign-in-reason")).toContainText("联系需求方或成果方需要登录");
  await signInHere(page, researcher);
  await expect(page).toHaveURL(new RegExp(`/zh-CN/needs/${publicNeed.id}\\?contact=1$`));
  const box = page.getByTestId("contact-box");
  await box.getByLabel("留言").fill("我们在注塑缺陷检测上有两条产线的落地经验，节拍 0.8 秒。");
  await box.getByRole("button", { name: "发送" }).click();
  // The page is revalidated: the form gives way to the request's state.
  await expect(page.getByTestId("contact-own")).toContainText("等待回复");
});
