// Issue 5: a researcher hears about a matching need without searching. A researcher lists a
// result; a company publishes a need in the zh-CN UI; the background worker indexes it, matches
// it and notifies the researcher in-app and by email; the researcher opens the notification.
import { expect, test } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";
import { linksIn, waitForMessage } from "./helpers/mail";

test("a researcher is notified in-app and by email when a matching need is published, and opens it", async ({ browser, request }) => {
  // Two sign-ups plus three background steps (index, match, email) on a cold server.
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const researcherContext = await browser.newContext();
  const researcherPage = await researcherContext.newPage();
  const researcher = uniqueUser("alert-researcher");
  await signUpAndConfirm(researcherPage, researcher, "RESEARCHER");
  const token = await createApiTokenInUi(researcherPage);
  const resultTitle = `钙钛矿光伏组件湿热封装技术 ${tag}`;
  const res = await request.post("/api/v1/results", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title: resultTitle,
      summary: "一种钙钛矿光伏组件的低温封装工艺，通过双层阻水膜和边缘密封胶，使组件在湿热老化 1000 小时后效率保持率超过 95%。",
      field: "光伏",
      keywords: ["钙钛矿", "光伏组件", "封装", "湿热老化"],
      trl: 5,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  // The result must be in the index before the need is matched against it.
  await expect(async () => {
    await researcherPage.goto(`/zh-CN/search?type=results&q=${encodeURIComponent(tag)}`);
    await expect(researcherPage.getByTestId("search-hits")).toContainText(resultTitle, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const companyContext = await browser.newContext();
  const companyPage = await companyContext.newPage();
  const company = uniqueUser("alert-company");
  await signUpAndConfirm(companyPage, company, "COMPANY");
  const publishedAt = new Date();
  await companyPage.goto("/zh-CN/needs/new/quick");
  const needTitle = `钙钛矿光伏组件封装寿命提升 ${tag}`;
  await companyPage.getByLabel("需求标题").fill(needTitle);
  await companyPage
    .getByLabel("问题描述")
    .fill("我们生产的钙钛矿光伏组件在湿热老化测试中效率衰减明显，封装阻水性能不足。希望找到能让组件通过 1000 小时湿热老化的封装技术。");
  await companyPage.getByLabel("技术领域").fill("光伏");
  await companyPage.getByLabel("关键词").fill("钙钛矿、封装、湿热老化");
  await companyPage.getByRole("button", { name: "发布需求" }).click();
  await expect(companyPage.getByRole("heading", { level: 1 })).toHaveText(needTitle);
  await companyContext.close();

  // By email (the researcher's setting defaults to immediate)...
  const mail = await waitForMessage(researcher.email, { after: publishedAt, match: (m) => m.subject.includes(needTitle), timeout: 45_000 });
  expect(mail.subject).toBe(`技术桥：新需求与您匹配：${needTitle}`);
  expect(mail.text).toContain(resultTitle);
  const openLink = linksIn(mail).find((l) => /\/zh-CN\/notifications\/[^/]+\/open$/.test(l));
  expect(openLink).toBeDefined();

  // ...and in-app: the bell counts it and the list shows it, unread. (The researcher may also
  // have heard about older matching needs when the result was published.)
  await researcherPage.goto("/zh-CN/notifications");
  const badge = researcherPage.getByTestId("unread-badge");
  await expect(badge).toHaveText(/^[1-9]\d*$/);
  const unreadBefore = Number(await badge.textContent());
  const item = researcherPage.getByTestId("notifications").getByRole("listitem").filter({ hasText: needTitle });
  await expect(item).toHaveAttribute("data-read", "false");
  await expect(item).toContainText(`与您的科研成果「${resultTitle}」相匹配`);

  // Opening it (from the list) leads to the need, with the researcher's result among its matches.
  await item.getByRole("link", { name: needTitle }).click();
  await expect(researcherPage.getByRole("heading", { level: 1 })).toHaveText(needTitle);
  await expect(researcherPage.getByTestId("need-matches")).toContainText(resultTitle);

  // It is read now: one unread fewer, and the list says so. The email's link opens the same need.
  await researcherPage.goto("/zh-CN/notifications");
  if (unreadBefore === 1) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(String(unreadBefore - 1));
  await expect(researcherPage.getByTestId("notifications").getByRole("listitem").filter({ hasText: needTitle })).toHaveAttribute("data-read", "true");
  await researcherPage.goto(openLink!);
  await expect(researcherPage.getByRole("heading", { level: 1 })).toHaveText(needTitle);
  await researcherContext.close();
});
