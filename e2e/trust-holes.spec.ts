// Issue 11, "other holes found by the same probe", against the production server: sign-in never
// sends the browser to another site whatever callbackUrl says, and a client's own
// X-Forwarded-For (or our peer-address header) does not change the address the audit log records.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser, type TestUser } from "./helpers/accounts";
import { waitForLink } from "./helpers/mail";

// callbackUrl values as they appear in the address bar (already percent-encoded where needed).
const HOSTILE_CALLBACKS = [
  "/%5Cevil.example/x", // the probe's finding: "/\evil.example/x"
  "/%09/evil.example/x", // the probe's finding: "/<TAB>/evil.example/x"
  "%2F%2Fevil.example%2Fx",
  "/%5C%5Cevil.example",
  "https%3A%2F%2Fevil.example%2Fx",
  "javascript%3Aalert(1)",
  "/%0A/evil.example",
  "/.//evil.example",
];

/** A fresh browser context whose page fails (and records) any request to another host. */
async function guardedPage(browser: Browser, baseURL: string): Promise<{ page: Page; foreign: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign: string[] = [];
  const ours = new URL(baseURL).host;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).host !== ours) {
      foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  return { page, foreign, close: () => context.close() };
}

let user: TestUser;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  user = uniqueUser("redirect");
  await signUpAndConfirm(await context.newPage(), user, "COMPANY");
  await context.close();
});

test("password sign-in with a hostile callbackUrl ends on this site", async ({ browser, baseURL }) => {
  // One sign-in per value (password hashing is slow on purpose, more so on a busy machine).
  test.setTimeout(HOSTILE_CALLBACKS.length * 30_000);
  for (const callback of HOSTILE_CALLBACKS) {
    const { page, foreign, close } = await guardedPage(browser, baseURL!);
    await page.goto(`/zh-CN/sign-in?callbackUrl=${callback}`);
    await page.getByLabel("电子邮箱").first().fill(user.email);
    await page.getByLabel("密码").fill(user.password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    // Signed in, the form leaves the sign-in page for wherever callbackUrl was allowed to point.
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
    expect(new URL(page.url()).origin, callback).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname, callback).not.toMatch(/^\/\/|\\/);
    expect(foreign, callback).toEqual([]);
    await close();
  }
});

test("a magic link with a hostile callbackUrl ends on this site", async ({ browser, baseURL }) => {
  const { page, foreign, close } = await guardedPage(browser, baseURL!);
  // Ask for the link the way a script would, with a callbackUrl on another site.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const startedAt = new Date();
  const asked = await page.request.post("/api/auth/signin/email", {
    form: { email: user.email, csrfToken, callbackUrl: "https://evil.example/x", json: "true" },
  });
  expect(asked.ok()).toBe(true);
  const link = await waitForLink(user.email, "/api/auth/callback/email", { after: startedAt });
  // ...and rewrite the link's own callbackUrl to the probe's value before opening it.
  const tampered = new URL(link);
  tampered.searchParams.set("callbackUrl", "/\\evil.example/x");
  await page.goto(tampered.toString());
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(foreign).toEqual([]);
  await close();
});

test("a forged X-Forwarded-For or peer-address header does not change the address in the audit log", async ({ page }) => {
  const owner = uniqueUser("xff");
  await signUpAndConfirm(page, owner, "COMPANY");
  const token = await createApiTokenInUi(page);
  const forged = { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-techbridge-peer-address": "203.0.113.68" };
  const auth = { authorization: `Bearer ${token}` };
  const created = await page.request.post("/api/v1/needs", {
    headers: { ...auth, ...forged },
    data: {
      title: "转发地址测试的保密需求",
      teaser: "保密的电池材料需求",
      description: "一项用于验证审计日志中客户端地址的保密需求，需要签署保密协议后查看细节。",
      field: "新能源",
      keywords: [],
      visibility: "CONFIDENTIAL",
      teaserFields: [],
      collaborationModes: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // A full read of a confidential need is audited with the caller's address.
  expect((await page.request.get(`/api/v1/needs/${id}`, { headers: { ...auth, ...forged } })).status()).toBe(200);
  const audit = (await (await page.request.get(`/api/v1/needs/${id}/audit`, { headers: auth })).json()) as { items: { action: string; ip: string | null }[] };
  const views = audit.items.filter((e) => e.action === "need.view");
  expect(views.length).toBeGreaterThan(0);
  // Playwright talks to the server over loopback: that socket address, nothing the client wrote.
  for (const v of views) expect(v.ip).toBe("127.0.0.1");
});
