// Issue 14, making contact both ways: a researcher's "I can help" on a need is accepted by the
// company (the notification leads to the request, a thread opens, replies go both ways); a
// company's "I'm interested" on a result is declined by the researcher with a reason code, which
// the company reads in its language. Members are made by the operator CLI, data by the REST API.
import { expect, test, type Browser } from "@playwright/test";
import { apiPost, createMember, signIn, type Member } from "./helpers/members";

const stamp = `联系${Date.now().toString(36)}`;

async function openAs(browser: Browser, member: Member) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, member);
  return { page, close: () => context.close() };
}

test("I can help -> accepted: the company answers from its notification and both sides talk", async ({ browser, request }) => {
  test.setTimeout(240_000);
  // One after the other: each is an operator CLI run, slow on a loaded machine.
  const company = await createMember("helpcompany", "company");
  const researcher = await createMember("helpresearcher", "researcher");
  const need = await apiPost(request, company.token, "/api/v1/needs", {
    title: `${stamp} 电机噪声抑制`,
    description: "家用电机在 3000 转附近噪声偏大，希望找到结构或控制算法上的改进方案，目标降低 5 分贝。",
    field: "智能制造",
    visibility: "ANONYMOUS",
  });

  const r = await openAs(browser, researcher);
  await r.page.goto(`/zh-CN/needs/${need.id}`);
  await r.page.getByTestId("contact-box").getByText("我有方案").click();
  await r.page.getByLabel("留言").fill("我们做过电机振动噪声的主动控制，可以先做一次噪声频谱诊断。");
  await r.page.getByRole("button", { name: "发送", exact: true }).click();
  await expect(r.page.getByTestId("contact-own")).toContainText("等待回复");

  const c = await openAs(browser, company);
  await expect(c.page.getByTestId("unread-badge")).toBeVisible();
  await c.page.getByTestId("notification-bell").click();
  // The contact notification (a match alert may name the same need).
  await c.page.getByRole("link", { name: new RegExp(`${stamp} 电机噪声抑制.*我有方案`) }).click();
  await expect(c.page).toHaveURL(/\/zh-CN\/contacts\/[^/]+$/);
  await expect(c.page.getByTestId("contact-message")).toContainText("噪声频谱诊断");
  await expect(c.page.getByTestId("contact-counterpart")).toContainText(researcher.org);
  await c.page.getByRole("button", { name: "接受并开启对话" }).click();
  await expect(c.page.getByTestId("contact-status")).toHaveText("已接受");
  await c.page.getByLabel("回复").fill("欢迎，下周三可以来现场测。");
  await c.page.getByRole("button", { name: "发送回复" }).click();
  await expect(c.page.getByTestId("contact-thread")).toContainText("下周三可以来现场测");

  await r.page.goto("/zh-CN/contacts");
  await r.page
    .getByTestId("contacts-sent")
    .getByRole("link", { name: `${stamp} 电机噪声抑制` })
    .click();
  await expect(r.page.getByTestId("contact-status")).toHaveText("已接受");
  await expect(r.page.getByTestId("contact-thread")).toContainText("下周三可以来现场测");
  // ANONYMOUS need: the company is not named to the researcher.
  await expect(r.page.locator("main")).not.toContainText(company.org);
  await r.page.getByLabel("回复").fill("好的，周三上午到。");
  await r.page.getByRole("button", { name: "发送回复" }).click();
  await expect(r.page.getByTestId("contact-thread")).toContainText("周三上午到");
  await c.page.reload();
  await expect(c.page.getByTestId("contact-thread")).toContainText("周三上午到");
  await Promise.all([r.close(), c.close()]);
});

test("I'm interested -> declined with a reason the company reads in English", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const company = await createMember("intcompany", "company");
  const researcher = await createMember("intresearcher", "researcher");
  const result = await apiPost(request, researcher.token, "/api/v1/results", {
    title: `${stamp} 低噪声轴承`,
    summary: "一种低噪声深沟球轴承结构，噪声降低 4 分贝，适用于家电电机。",
    field: "智能制造",
    keywords: ["轴承", "降噪"],
  });

  const c = await openAs(browser, company);
  await c.page.goto(`/en/results/${result.id}`);
  await c.page.getByTestId("contact-box").getByText("I'm interested").click();
  await c.page.getByLabel("Message").fill("We would like to test it in our washing machine motors.");
  await c.page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(c.page.getByTestId("contact-own")).toContainText("waiting for an answer");

  const r = await openAs(browser, researcher);
  await r.page.goto("/zh-CN/contacts");
  await r.page
    .getByTestId("contacts-received")
    .getByRole("link", { name: `${stamp} 低噪声轴承` })
    .click();
  await r.page.getByLabel("原因").selectOption("NO_CAPACITY");
  await r.page.getByRole("button", { name: "婉拒" }).click();
  await expect(r.page.getByTestId("contact-status")).toContainText("已婉拒");

  await c.page.goto("/zh-CN/notifications");
  await expect(c.page.locator("main")).toContainText("对方婉拒了您的联系");
  await c.page.goto("/en/contacts");
  await c.page
    .getByTestId("contacts-sent")
    .getByRole("link", { name: `${stamp} 低噪声轴承` })
    .click();
  await expect(c.page.getByTestId("contact-status")).toContainText("Declined · No capacity to follow up");
  await expect(c.page.getByTestId("contact-reply")).toHaveCount(0);
  await Promise.all([r.close(), c.close()]);
});
