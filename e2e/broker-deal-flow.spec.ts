// Issue 6 done-means, in the zh-CN UI: a broker triages a new need, introduces a researcher from
// the candidate list, both sides accept (the company is revealed only then), the deal moves
// through NDA and negotiation to a contract with value and registration number, and the
// 6-month follow-up reminder appears (the reminder sweep is run "six months later" through the
// e2e server's test hook, no waiting). An invalid move and a stale concurrent edit are refused
// with clear messages, in the UI and in the REST API.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser, type TestUser } from "./helpers/accounts";
import { waitForLink, waitForMessage } from "./helpers/mail";
import { grantStaffRoleByCli } from "./helpers/staff";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function postJson(request: APIRequestContext, token: string, path: string, data: unknown) {
  const res = await request.post(path, { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

// A tech-transfer office signs up and invites a colleague (as a researcher: organisations never
// make brokers); the platform accredits the colleague as a broker (grant-role), who then signs in.
async function createBroker(browser: Browser): Promise<{ page: Page; broker: TestUser; office: string }> {
  const officer = uniqueUser("tto");
  const officerPage = await newPage(browser);
  const startedAt = new Date();
  await officerPage.goto("/zh-CN/sign-up");
  await officerPage.getByLabel("姓名").fill(officer.name);
  await officerPage.getByLabel("电子邮箱").fill(officer.email);
  await officerPage.getByLabel("密码").fill(officer.password);
  await officerPage.getByLabel("科研人员").check();
  await officerPage.getByLabel("所在机构名称").fill(officer.org);
  await officerPage.getByLabel("机构类型").selectOption("TTO");
  await officerPage.getByRole("button", { name: "注册" }).click();
  await officerPage.goto(await waitForLink(officer.email, "/api/auth/callback/email", { after: startedAt }));
  await expect(officerPage.getByTestId("current-user")).toHaveText(officer.name);

  const broker = uniqueUser("broker");
  await officerPage.goto("/zh-CN/account");
  await officerPage.getByLabel("同事的电子邮箱").fill(broker.email);
  await officerPage.getByLabel("角色").selectOption("RESEARCHER");
  await officerPage.getByRole("button", { name: "发送邀请" }).click();
  await expect(officerPage.getByRole("status")).toContainText(broker.email);
  await officerPage.context().close();

  const page = await newPage(browser);
  await page.goto(await waitForLink(broker.email, "/invitations/"));
  await page.getByLabel("姓名").fill(broker.name);
  await page.getByLabel("密码").fill(broker.password);
  await page.getByRole("button", { name: "接受邀请并创建账户" }).click();
  await expect(page.getByRole("status")).toContainText("账户已创建");
  await grantStaffRoleByCli(broker.email, "broker");
  await page.goto("/zh-CN/sign-in");
  await page.getByLabel("电子邮箱").first().fill(broker.email);
  await page.getByLabel("密码").fill(broker.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByTestId("current-user")).toHaveText(broker.name);
  return { page, broker, office: officer.org };
}

test("broker triage -> introduction -> both accept -> NDA -> negotiation -> contract -> 6-month follow-up reminder", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { page: brokerPage, broker, office } = await createBroker(browser);

  // A researcher lists a result; a company posts an anonymous need (both through the API with tokens made in the UI).
  const researcher = uniqueUser("researcher");
  const researcherPage = await newPage(browser);
  await signUpAndConfirm(researcherPage, researcher, "RESEARCHER");
  const resultTitle = `低温固态电解质快充技术 ${Date.now().toString(36)}`;
  await postJson(request, await createApiTokenInUi(researcherPage), "/api/v1/results", {
    title: resultTitle,
    summary: "硫化物固态电解质在零下二十度仍保持高离子电导率，可实现锂电池十五分钟快充。",
    field: "电池材料",
    keywords: ["固态电解质", "快充", "锂电池", "低温"],
  });

  const company = uniqueUser("company");
  const companyPage = await newPage(browser);
  await signUpAndConfirm(companyPage, company, "COMPANY");
  const needTitle = `储能电池低温快充固态电解质 ${Date.now().toString(36)}`;
  const { id: needId } = await postJson(request, await createApiTokenInUi(companyPage), "/api/v1/needs", {
    title: needTitle,
    description: "我们的储能锂电池在零下二十度充电缓慢，需要低温下离子电导率高的固态电解质，实现十五分钟快充。",
    field: "电池材料",
    keywords: ["固态电解质", "快充", "锂电池"],
    visibility: "ANONYMOUS",
    region: "深圳",
  });

  // The company asks for a broker's help (提交经纪人审核): only then may a broker who is not
  // assigned read it in full and take it (issue 11).
  await companyPage.goto(`/zh-CN/needs/${needId}`);
  await companyPage.getByTestId("broker-help").getByRole("button", { name: "提交经纪人审核" }).click();
  await expect(companyPage.getByTestId("broker-help")).toContainText("已请技术经纪人协助");

  // Triage: the new need is in the queue; the filters narrow it (region, age).
  await brokerPage.goto("/zh-CN/broker");
  await expect(brokerPage.getByTestId("broker-queue")).toContainText(needTitle);
  await brokerPage.getByLabel("地区").fill("深圳");
  await brokerPage.getByLabel("最多天数").fill("1");
  await brokerPage.getByRole("button", { name: "筛选" }).click();
  await expect(brokerPage.getByTestId("broker-queue")).toContainText(needTitle);
  await brokerPage.goto("/zh-CN/broker?view=new&minAgeDays=2");
  await expect(brokerPage.getByText(needTitle)).toHaveCount(0);
  await brokerPage.goto("/zh-CN/broker?view=new&region=%E5%8C%97%E4%BA%AC");
  await expect(brokerPage.getByText(needTitle)).toHaveCount(0);
  await brokerPage.goto("/zh-CN/broker?view=new");
  await brokerPage.getByRole("link", { name: needTitle }).click();
  await expect(brokerPage.getByTestId("triage-status")).toHaveText("待分诊 · 负责人: 未分配 · 企业已提交经纪人审核");
  await brokerPage.getByRole("button", { name: "分配给我" }).click();
  await expect(brokerPage.getByTestId("triage-status")).toHaveText(`待分诊 · 负责人: ${broker.name} · 企业已提交经纪人审核`);
  await brokerPage.getByRole("button", { name: "标记为已就绪" }).click();
  await expect(brokerPage.getByTestId("triage-status")).toHaveText(`已就绪 · 负责人: ${broker.name} · 企业已提交经纪人审核`);

  // The matcher's candidates (indexing runs in the worker: reload until the result is there); one click introduces.
  await expect(async () => {
    await brokerPage.reload();
    await expect(brokerPage.getByTestId("candidates")).toContainText(resultTitle, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const introduceStartedAt = new Date();
  await brokerPage
    .getByRole("form", { name: `引荐 ${resultTitle}` })
    .getByRole("button", { name: "引荐" })
    .click();
  await expect(brokerPage).toHaveURL(/\/zh-CN\/deals\/[a-z0-9]+$/);
  const dealUrl = brokerPage.url();
  const dealId = dealUrl.split("/").pop()!;
  await expect(brokerPage.getByTestId("deal-state")).toHaveText("待双方确认");

  // Both sides are notified in-app and by email, without the company's name.
  const mail = await waitForMessage(researcher.email, {
    match: (m) => m.subject === `技术桥：技术经纪人为您推荐了一位合作伙伴：${needTitle}`,
    after: introduceStartedAt,
  });
  expect(mail.text).toContain("/zh-CN/notifications/");
  expect(mail.text).not.toContain(company.org);
  await waitForMessage(company.email, { match: (m) => m.subject === `技术桥：技术经纪人为您推荐了一位合作伙伴：${needTitle}`, after: introduceStartedAt });
  await researcherPage.goto("/zh-CN/notifications");
  await researcherPage.getByTestId("notifications").getByRole("link", { name: "技术经纪人为您推荐了一位合作伙伴" }).click();
  await expect(researcherPage).toHaveURL(dealUrl);

  // The company accepts; the researcher does not see the company until accepting too.
  await companyPage.goto(dealUrl);
  await companyPage.getByRole("button", { name: "接受引荐" }).click();
  await expect(companyPage.getByText("企业已接受")).toBeVisible();
  await expect(companyPage.getByRole("button", { name: "接受引荐" })).toHaveCount(0);
  await researcherPage.goto(dealUrl);
  await expect(researcherPage.getByTestId("deal-company")).toHaveText("企业信息将在双方接受引荐后显示");
  await expect(researcherPage.locator("body")).not.toContainText(company.org);
  await researcherPage.getByRole("button", { name: "接受引荐" }).click();
  await expect(researcherPage.getByTestId("deal-state")).toHaveText("已引荐");
  // A company signed up a minute ago: named, and marked unverified until a platform admin checks it.
  await expect(researcherPage.getByTestId("deal-company")).toHaveText(`${company.org}未认证`);

  // Two broker tabs on the same deal: the second, stale one is refused with a conflict message.
  await brokerPage.goto(dealUrl);
  const staleTab = await brokerPage.context().newPage();
  await staleTab.goto(dealUrl);
  await brokerPage.getByRole("button", { name: "标记为已签保密协议" }).click();
  await expect(brokerPage.getByText("交易已进入「已签保密协议」。")).toBeVisible();
  await staleTab.getByRole("button", { name: "标记为停滞" }).click();
  await expect(staleTab.getByText("在您编辑期间，此交易已被他人更新（当前状态「已签保密协议」）。您的修改未保存，请刷新后重试。")).toBeVisible();
  await expect(staleTab.getByTestId("deal-state")).toHaveText("已引荐");
  await staleTab.reload();
  await expect(staleTab.getByTestId("deal-state")).toHaveText("已签保密协议");
  await staleTab.close();

  await brokerPage.getByRole("button", { name: "进入谈判" }).click();
  await expect(brokerPage.getByTestId("deal-state")).toHaveText("谈判中");

  // An invalid move and a stale version through the REST API: 422 and 409 with clear messages.
  const brokerToken = await createApiTokenInUi(brokerPage);
  const auth = { authorization: `Bearer ${brokerToken}`, "accept-language": "zh-CN" };
  const invalid = await request.post(`/api/v1/deals/${dealId}/transitions`, { headers: auth, data: { to: "COMPLETED", version: 5 } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.message).toBe("不允许的状态变更：不能从「谈判中」变为「已完成」。");
  const stale = await request.post(`/api/v1/deals/${dealId}/transitions`, { headers: auth, data: { to: "STALLED", version: 2 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toContain("此交易已被他人更新（当前状态「谈判中」）");

  // The contract: type, value, registration number, a milestone.
  await brokerPage.goto(dealUrl);
  await brokerPage.getByLabel("合同类型").selectOption("LICENCE");
  await brokerPage.getByLabel("合同金额（元）").fill("1200000");
  await brokerPage.getByLabel("技术合同登记号").fill("2026440300012345");
  await brokerPage.getByLabel("签订日期").fill("2026-12-01");
  await brokerPage.getByLabel("里程碑 1").fill("首付款");
  await brokerPage.getByLabel("金额（元） 1").fill("300000");
  await brokerPage.getByRole("button", { name: "登记合同" }).click();
  await expect(brokerPage.getByTestId("deal-state")).toHaveText("已签合同");
  const contract = brokerPage.getByTestId("contract");
  await expect(contract).toContainText("2026440300012345");
  await expect(contract).toContainText("1,200,000");
  await expect(contract).toContainText("首付款");
  await expect(contract).toContainText("6 个月回访");
  await expect(brokerPage.getByTestId("timeline")).toContainText(`${broker.name} 将状态改为「已签合同」`);

  // Six months later (minus the week's notice) the broker is reminded; running the sweep again adds nothing.
  for (const expected of [1, 0]) {
    const sweep = await request.post("/api/test/reminders", { data: { now: "2027-05-26T00:00:00.000Z" } });
    expect(sweep.status()).toBe(200);
    expect((await sweep.json()).followUps).toBe(expected);
  }
  await brokerPage.goto("/zh-CN/notifications");
  await expect(brokerPage.getByTestId("notifications").getByText("6 个月成果回访到期")).toHaveCount(1);

  // The broker's board and metrics (with the CSV export) include the deal.
  await brokerPage.goto("/zh-CN/broker/board");
  await expect(brokerPage.getByTestId("column-CONTRACT_SIGNED")).toContainText(needTitle);
  await brokerPage.goto("/zh-CN/broker/metrics");
  await expect(brokerPage.getByTestId("metrics-offices")).toContainText(office);
  const csv = await brokerPage.request.get("/zh-CN/broker/metrics/export");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const row = (await csv.text()).split("\r\n").find((l) => l.startsWith(`broker,${broker.name},`));
  expect(row).toMatch(/,1,1200000$/);
});

test("a visit on the visit page, an edit the owner approves, a deal thread and a decline with its reason", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { page: brokerPage, broker } = await createBroker(browser);
  const company = uniqueUser("company");
  const companyPage = await newPage(browser);
  await signUpAndConfirm(companyPage, company, "COMPANY");
  const companyToken = await createApiTokenInUi(companyPage);
  const researcher = uniqueUser("researcher");
  const researcherPage = await newPage(browser);
  await signUpAndConfirm(researcherPage, researcher, "RESEARCHER");
  const resultTitle = `焊缝缺陷在线视觉检测系统 ${Date.now().toString(36)}`;
  await postJson(request, await createApiTokenInUi(researcherPage), "/api/v1/results", {
    title: resultTitle,
    summary: "基于深度学习的激光焊缝气孔与裂纹在线视觉检测，漏检率低于百分之一。",
    field: "智能制造",
    keywords: ["焊缝检测", "机器视觉", "激光焊接"],
  });
  const need = await postJson(request, companyToken, "/api/v1/needs", {
    title: `激光焊接缺陷检测 ${Date.now().toString(36)}`,
    description: "我们的动力电池激光焊接产线依靠人工抽检焊缝，气孔和裂纹漏检率高，需要在线视觉检测方案。",
    field: "智能制造",
    keywords: ["焊缝检测", "机器视觉"],
  });

  // The visit log (one page, /visits; the old address leads there): a visit saved on its own.
  await brokerPage.goto("/zh-CN/broker/visits");
  await expect(brokerPage).toHaveURL(/\/zh-CN\/visits$/);
  await brokerPage.getByLabel("拜访的企业").selectOption({ label: company.org });
  await brokerPage.getByLabel("拜访日期").fill("2026-11-20");
  await brokerPage.getByLabel("会见人员").fill("王总、李工");
  await brokerPage.getByLabel("拜访记录").fill("参观电池焊接产线，讨论焊缝质量问题。");
  await brokerPage.getByRole("button", { name: "只保存拜访" }).click();
  await expect(brokerPage.getByText("拜访已保存。")).toBeVisible();
  const visit = brokerPage.getByTestId("visits").getByRole("listitem").filter({ hasText: company.org });
  await expect(visit).toContainText("王总、李工");
  await visit.getByText("拜访记录").click();
  await expect(visit).toContainText("参观电池焊接产线，讨论焊缝质量问题。");
  await expect(visit.getByRole("link", { name: "根据这次拜访起草需求" })).toHaveAttribute("href", /\/needs\/new\?visit=/);

  // A suggested edit changes nothing until the owner approves it.
  const newTitle = `动力电池激光焊缝缺陷在线检测 ${Date.now().toString(36)}`;
  // Brokers triage only the needs they act for: this PUBLIC one is unassigned, so the broker takes it first.
  await brokerPage.goto(`/zh-CN/broker/needs/${need.id}`);
  await brokerPage.getByRole("button", { name: "分配给我" }).click();
  await expect(brokerPage.getByTestId("triage-status")).toContainText(`负责人: ${broker.name}`);
  await brokerPage.getByText("建议修改（需企业批准）").click();
  await brokerPage.getByLabel("新标题").fill(newTitle);
  await brokerPage.getByRole("button", { name: "提交修改建议" }).click();
  await expect(brokerPage.getByText("修改建议已发送，等待企业批准。")).toBeVisible();
  await companyPage.goto(`/zh-CN/needs/${need.id}`);
  await expect(companyPage.getByRole("heading", { level: 1 })).not.toHaveText(newTitle);
  await companyPage.goto("/zh-CN/notifications");
  await companyPage
    .getByTestId("notifications")
    .getByRole("link", { name: /技术经纪人建议修改需求/ })
    .click();
  await expect(companyPage.getByRole("cell", { name: newTitle })).toBeVisible();
  await companyPage.getByRole("button", { name: "批准并应用" }).click();
  await expect(companyPage.getByTestId("proposal-status")).toHaveText("已批准");
  await companyPage.goto(`/zh-CN/needs/${need.id}`);
  await expect(companyPage.getByRole("heading", { level: 1 })).toHaveText(newTitle);

  // Introduce, talk in the deal's thread, then the researcher declines with a reason the company sees.
  await expect(async () => {
    await brokerPage.goto(`/zh-CN/broker/needs/${need.id}`);
    await expect(brokerPage.getByTestId("candidates")).toContainText(resultTitle, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await brokerPage
    .getByRole("form", { name: `引荐 ${resultTitle}` })
    .getByRole("button", { name: "引荐" })
    .click();
  await expect(brokerPage).toHaveURL(/\/zh-CN\/deals\/[a-z0-9]+$/);
  const dealUrl = brokerPage.url();

  await companyPage.goto(dealUrl);
  await companyPage.getByLabel("消息内容").fill("您好，贵团队的方案能否适配我们的产线节拍？");
  await companyPage.getByRole("button", { name: "发送" }).click();
  await expect(companyPage.getByTestId("messages")).toContainText("您好，贵团队的方案能否适配我们的产线节拍？");
  await researcherPage.goto(dealUrl);
  await expect(researcherPage.getByTestId("messages")).toContainText("您好，贵团队的方案能否适配我们的产线节拍？");
  await researcherPage.getByLabel("婉拒原因").first().selectOption("TRL_MISMATCH");
  await researcherPage.getByRole("button", { name: "婉拒" }).first().click();
  await expect(researcherPage.getByTestId("deal-state")).toHaveText("已婉拒");

  await companyPage.goto(dealUrl);
  await expect(companyPage.getByTestId("decline-reason")).toHaveText("婉拒原因：技术成熟度不匹配");
  await companyPage.goto("/zh-CN/notifications");
  await expect(companyPage.getByTestId("notifications")).toContainText("的合作。原因：技术成熟度不匹配。");
});
