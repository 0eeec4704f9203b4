// Issue 11 done-means: the staff-role escalation, walked as a stranger. Sign up as a company (which
// makes you the admin of your new organisation), try to invite a BROKER (the option is absent;
// a tampered select value posted to the server action is a field error and no invitation is
// made), tamper the accept form of a legitimate invitation (the role stays the invitation's),
// sign in as the invitee: no page, search or API answer holds the canary of a confidential need.
// A broker accredited by the platform (npm run admin -- grant-role) and assigned to the need
// still reads it.
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { readFileSync } from "node:fs";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";
import { messagesFor, waitForLink } from "./helpers/mail";
import { grantStaffRoleByCli } from "./helpers/staff";

const CANARY = `ESC${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
// Searched for in lower case (the search is case-insensitive): the page's echo of the query is
// then not a hit of the upper-case canary, while any leaked need text would be.
const CANARY_QUERY = CANARY.toLowerCase();
const TITLE_WORD = `钠电隔膜${Math.random().toString(36).slice(2, 6)}`;

async function newSignedIn(browser: Browser, prefix: string, role: "COMPANY" | "RESEARCHER") {
  const page = await (await browser.newContext()).newPage();
  const user = uniqueUser(prefix);
  await signUpAndConfirm(page, user, role);
  return { page, user };
}

/** Everything a signed-in browser (cookies) and its token can fetch about the need, as text. */
async function everythingSeenBy(page: Page, token: string, needId: string): Promise<Record<string, string>> {
  const web = page.context().request;
  const api = (path: string) => web.get(path, { headers: { authorization: `Bearer ${token}` }, failOnStatusCode: false });
  const pages = [
    `/zh-CN/needs/${needId}`,
    `/en/needs/${needId}`,
    `/zh-CN/search?q=${encodeURIComponent(TITLE_WORD)}`,
    `/zh-CN/search?q=${CANARY_QUERY}`,
    `/zh-CN/broker/needs/${needId}`,
    `/zh-CN/needs`,
  ];
  const seen: Record<string, string> = {};
  for (const path of pages) {
    seen[`${path} (HTML)`] = await (await web.get(path, { failOnStatusCode: false })).text();
    seen[`${path} (RSC)`] = await (await web.get(path, { headers: { RSC: "1" }, failOnStatusCode: false })).text();
  }
  for (const path of [
    `/api/v1/needs/${needId}`,
    `/api/v1/needs?pageSize=100`,
    `/api/v1/search?type=needs&q=${encodeURIComponent(TITLE_WORD)}`,
    `/api/v1/search?type=needs&q=${CANARY_QUERY}`,
    `/api/v1/needs/${needId}/matches`,
  ]) {
    seen[path] = await (await api(path)).text();
  }
  return seen;
}

const leaking = (seen: Record<string, string>) =>
  Object.entries(seen)
    .filter(([, body]) => body.includes(CANARY))
    .map(([where]) => where);

function databaseUrl(): string {
  return (JSON.parse(readFileSync(process.env.E2E_SERVER_INFO!, "utf8")) as { adminEnv: { DATABASE_URL: string } }).adminEnv.DATABASE_URL;
}

test("a stranger cannot make themselves or a puppet a broker; an accredited, assigned broker still reads the need", async ({ browser, request }) => {
  test.setTimeout(240_000);

  // A company posts a confidential need (canary in the text only it and whom it grants may read).
  const owner = await newSignedIn(browser, "escowner", "COMPANY");
  const ownerToken = await createApiTokenInUi(owner.page);
  const created = await request.post("/api/v1/needs", {
    headers: { authorization: `Bearer ${ownerToken}` },
    data: {
      title: `${TITLE_WORD} 涂覆工艺合作`,
      teaser: "寻找隔膜涂覆方向的合作团队，细节签署保密协议后可见。",
      description: `钠离子电池隔膜的陶瓷涂覆配方 ${CANARY} 在高温下收缩，需要新的涂覆工艺。`,
      field: "电池材料",
      keywords: ["隔膜", CANARY],
      visibility: "CONFIDENTIAL",
      teaserFields: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: needId } = (await created.json()) as { id: string };
  await expect(async () => {
    const hits = await request.get(`/api/v1/search?type=needs&q=${encodeURIComponent(TITLE_WORD)}`, { headers: { authorization: `Bearer ${ownerToken}` } });
    expect(await hits.text()).toContain(needId);
  }).toPass({ timeout: 30_000 });

  // 1. The stranger signs up as a company: the admin of a new organisation.
  const stranger = await newSignedIn(browser, "stranger", "COMPANY");
  await stranger.page.goto("/zh-CN/account");
  const roleSelect = stranger.page.getByLabel("角色");
  await expect(roleSelect).toBeVisible();
  // 2. The invite form offers only the member role a company may give: no broker, no admin.
  expect(await roleSelect.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(["COMPANY"]);

  // 3. Tamper the select value and post the server action with BROKER (then ADMIN): field error.
  const puppet = uniqueUser("puppet");
  for (const tampered of ["BROKER", "ADMIN"]) {
    await roleSelect.evaluate((select, value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
      (select as HTMLSelectElement).value = value;
    }, tampered);
    await stranger.page.getByLabel("同事的电子邮箱").fill(puppet.email);
    await stranger.page.getByRole("button", { name: "发送邀请" }).click();
    await expect(stranger.page.getByRole("alert").filter({ hasText: "工作人员角色只能由平台授予" })).toBeVisible();
  }

  // 4. A legitimate invitation (company member) to a second mailbox.
  const invitee = uniqueUser("invitee");
  const invitedAt = new Date();
  await stranger.page.goto("/zh-CN/account");
  await stranger.page.getByLabel("同事的电子邮箱").fill(invitee.email);
  await stranger.page.getByLabel("角色").selectOption("COMPANY");
  await stranger.page.getByRole("button", { name: "发送邀请" }).click();
  await expect(stranger.page.getByRole("status")).toContainText(invitee.email);
  const link = await waitForLink(invitee.email, "/invitations/", { after: invitedAt });
  // The tampered attempts ran before it and sent nothing: no invitation for the puppet's mailbox.
  expect(await messagesFor(puppet.email)).toEqual([]);

  // 5. Tamper the accept form: extra fields asking for a staff role and org admin.
  const inviteePage = await (await browser.newContext()).newPage();
  await inviteePage.goto(link);
  await inviteePage.locator("form").evaluate((form) => {
    for (const [name, value] of [
      ["role", "BROKER"],
      ["isOrgAdmin", "true"],
    ]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name!;
      input.value = value!;
      form.appendChild(input);
    }
  });
  await inviteePage.getByLabel("姓名").fill(invitee.name);
  await inviteePage.getByLabel("密码").fill(invitee.password);
  await inviteePage.getByRole("button", { name: "接受邀请并创建账户" }).click();
  await expect(inviteePage.getByRole("status")).toContainText("账户已创建");

  // 6. Sign in as the invitee: a company member, no broker workbench.
  await inviteePage.goto("/zh-CN/sign-in");
  await inviteePage.getByLabel("电子邮箱").first().fill(invitee.email);
  await inviteePage.getByLabel("密码").fill(invitee.password);
  await inviteePage.getByRole("button", { name: "登录", exact: true }).click();
  await expect(inviteePage.getByTestId("current-user")).toHaveText(invitee.name);
  expect((await inviteePage.context().request.get("/zh-CN/broker", { failOnStatusCode: false })).status()).toBe(404);

  // 7. No path reaches the canary, for the invitee or for the stranger.
  for (const [who, page] of [
    ["invitee", inviteePage],
    ["stranger", stranger.page],
  ] as const) {
    const token = await createApiTokenInUi(page);
    const seen = await everythingSeenBy(page, token, needId);
    expect(seen[`/api/v1/needs/${needId}`], `${who} sees the need's teaser`).toContain(TITLE_WORD);
    expect(leaking(seen), `${who} must not read the canary`).toEqual([]);
  }

  // 8. A broker accredited by the platform and assigned to the need reads it.
  const broker = await newSignedIn(browser, "accredited", "RESEARCHER");
  await grantStaffRoleByCli(broker.user.email, "broker");
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    await db.query(`UPDATE "Need" SET "brokerId" = (SELECT "id" FROM "User" WHERE "email" = $1) WHERE "id" = $2`, [broker.user.email, needId]);
  } finally {
    await db.end();
  }
  const brokerToken = await createApiTokenInUi(broker.page);
  const brokerSees = await everythingSeenBy(broker.page, brokerToken, needId);
  expect(brokerSees[`/api/v1/needs/${needId}`]).toContain(CANARY);
  expect(brokerSees[`/zh-CN/needs/${needId} (HTML)`]).toContain(CANARY);
});
