// Issue 2's core flow: sign up -> confirm by magic link -> post a need in the zh-CN UI -> find it
// by a Chinese and by an English word -> see matching results on its page; then the same
// through the REST API with a personal access token.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";

const RESULTS = [
  {
    title: "抗磁干扰的九轴惯性姿态估计算法",
    summary: "面向可穿戴设备的姿态估计算法，在强磁干扰环境下自动识别并抑制磁力计异常，航向误差小于 2 度。",
    field: "传感器",
    keywords: ["姿态估计", "磁干扰", "IMU", "传感器融合"],
    trl: 5,
  },
  {
    title: "Magnetic-disturbance-robust attitude estimation for wearable IMUs",
    summary: "A sensor-fusion filter that detects magnetic disturbances and keeps heading error below 2 degrees on wrist-worn devices.",
    field: "Sensors",
    keywords: ["attitude estimation", "sensor fusion", "IMU"],
    trl: 6,
  },
];

async function postJson(request: APIRequestContext, token: string, path: string, data: unknown) {
  const res = await request.post(path, { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; title: string };
}

test("a company signs up, posts a need in Chinese, finds it and sees matching results", async ({ browser, request }) => {
  // A researcher lists results through the API with a token made in the UI.
  const researcherContext = await browser.newContext();
  const researcherPage = await researcherContext.newPage();
  const researcher = uniqueUser("researcher");
  await signUpAndConfirm(researcherPage, researcher, "RESEARCHER");
  const researcherToken = await createApiTokenInUi(researcherPage);
  for (const r of RESULTS) await postJson(request, researcherToken, "/api/v1/results", r);
  await researcherContext.close();

  const companyContext = await browser.newContext();
  const page = await companyContext.newPage();
  const company = uniqueUser("company");
  await signUpAndConfirm(page, company, "COMPANY");

  await page.goto("/zh-CN/needs/new/quick");
  const title = `智能手环抗磁干扰姿态估计 ${Date.now().toString(36)}`;
  await page.getByLabel("需求标题").fill(title);
  await page
    .getByLabel("问题描述")
    .fill("我们的智能手环在地铁和电梯等强磁环境下航向漂移严重，已尝试传统互补滤波，效果不理想。希望获得能识别磁干扰并保持航向误差小于 3 度的姿态估计算法。");
  await page.getByLabel("技术领域").fill("传感器");
  await page.getByLabel("关键词").fill("姿态估计、磁干扰、可穿戴");
  await page.getByRole("button", { name: "发布需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const needUrl = page.url();

  // Indexing runs in the background worker: poll the search page until the need appears.
  for (const word of ["磁干扰", "attitude estimation"]) {
    await expect(async () => {
      await page.goto(`/zh-CN/search?type=needs&q=${encodeURIComponent(word)}`);
      await expect(page.getByTestId("search-hits")).toContainText(title, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }

  // Typing in the search box updates the URL and the hits.
  await page.goto("/zh-CN/search?type=needs");
  await page.getByRole("searchbox").fill("姿态估计");
  await expect(page).toHaveURL(/q=%E5%A7%BF%E6%80%81/);
  await expect(page.getByTestId("search-hits")).toContainText(title);

  await expect(async () => {
    await page.goto(needUrl);
    // Cross-language matching (the English result) is covered by lib/matching's integration tests.
    await expect(page.getByTestId("need-matches")).toContainText(RESULTS[0]!.title, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await companyContext.close();
});

test("the same flow through the REST API with a personal access token", async ({ browser, request }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const company = uniqueUser("apicompany");
  await signUpAndConfirm(page, company, "COMPANY");
  const token = await createApiTokenInUi(page);
  await context.close();

  const researcherContext = await browser.newContext();
  const researcherPage = await researcherContext.newPage();
  await signUpAndConfirm(researcherPage, uniqueUser("apiresearcher"), "RESEARCHER");
  const researcherToken = await createApiTokenInUi(researcherPage);
  await researcherContext.close();
  const result = await postJson(request, researcherToken, "/api/v1/results", {
    title: "Low-temperature solid-state electrolyte for fast-charging lithium cells",
    summary: "A sulfide solid electrolyte that keeps ionic conductivity above 1 mS/cm at -20 °C, enabling 15-minute charging of pouch cells.",
    field: "Battery materials",
    keywords: ["solid-state electrolyte", "fast charging", "lithium battery"],
  });

  const need = await postJson(request, token, "/api/v1/needs", {
    title: "固态电解质低温快充电池",
    description: "我们的储能电池在 -20 °C 下充电缓慢，需要低温下离子电导率高的固态电解质 (solid-state electrolyte)，实现 15 分钟快充。",
    field: "电池材料",
    keywords: ["固态电解质", "快充", "锂电池"],
  });

  const auth = { authorization: `Bearer ${token}` };
  const got = await request.get(`/api/v1/needs/${need.id}`, { headers: auth });
  expect(got.status()).toBe(200);
  expect((await got.json()).title).toBe("固态电解质低温快充电池");

  await expect(async () => {
    const search = await request.get(`/api/v1/search?type=needs&q=${encodeURIComponent("固态电解质")}`, { headers: auth });
    expect(search.status()).toBe(200);
    expect(JSON.stringify(await search.json())).toContain(need.id);
  }).toPass({ timeout: 30_000 });

  await expect(async () => {
    const matches = await request.get(`/api/v1/needs/${need.id}/matches`, { headers: auth });
    expect(matches.status()).toBe(200);
    expect(JSON.stringify(await matches.json())).toContain(result.id);
  }).toPass({ timeout: 30_000 });

  const unauthorised = await request.get(`/api/v1/needs/${need.id}`);
  expect(unauthorised.status()).toBe(401);
});
