// Issue 4, test 3 in the browser: a session cookie copied before sign-out stops working after it,
// on a page and on a server action (the cookie-authenticated endpoints). The JWT alone is not
// trusted: its server-side AuthSession row is revoked by sign-out (lib/auth/current-actor.ts).
import { expect, request as playwrightRequest, test, type Request } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";

const SESSION_COOKIE = "next-auth.session-token";

test("a copied session cookie stops working after sign-out (page, server action, session endpoint)", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = uniqueUser("replay");
  await signUpAndConfirm(page, user, "COMPANY");
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "the session cookie").toBeDefined();

  // Record the browser's server action call that creates an API token.
  await page.goto("/zh-CN/account");
  await page.getByLabel("令牌名称").fill("replay");
  const [action] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "创建令牌" }).click(),
  ]);
  await expect(page.getByTestId("new-token")).toHaveText(/^tb_pat_/);
  const actionHeaders = await action.allHeaders();
  const actionBody = action.postDataBuffer();

  // Another client holding only the copied cookie.
  const thief = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${cookie!.value}` } });
  const replayAction = () =>
    thief.post(action.url(), {
      headers: {
        accept: actionHeaders["accept"] ?? "text/x-component",
        "content-type": actionHeaders["content-type"]!,
        "next-action": actionHeaders["next-action"]!,
        "next-router-state-tree": actionHeaders["next-router-state-tree"] ?? "",
      },
      data: actionBody ?? undefined,
      maxRedirects: 0,
    });
  const accountPage = () => thief.get("/zh-CN/account", { maxRedirects: 0 });
  const session = async () => (await thief.get("/api/auth/session")).json() as Promise<Record<string, unknown>>;

  // Before sign-out the copy works like the original: proof that the replays below are real.
  const before = await accountPage();
  expect(before.status()).toBe(200);
  expect(await before.text()).toContain(user.email);
  const actionBefore = await replayAction();
  expect(actionBefore.status()).toBe(200);
  expect(await actionBefore.text()).toMatch(/tb_pat_/);
  expect(await session()).toHaveProperty("user");

  // Sign out in the browser.
  await page.goto("/zh-CN");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

  // The copied cookie is dead: the page sends it to sign-in, the action refuses, no session.
  const after = await accountPage();
  expect(after.status()).toBe(307);
  expect(after.headers()["location"]).toContain("/zh-CN/sign-in");
  const actionAfter = await replayAction();
  const actionText = await actionAfter.text();
  expect(actionText).not.toMatch(/tb_pat_/);
  expect(actionText).toMatch(/"status":"error"/);
  expect(await session()).not.toHaveProperty("user");

  // In a browser too.
  const replayContext = await browser.newContext();
  await replayContext.addCookies([{ ...cookie! }]);
  const replayPage = await replayContext.newPage();
  await replayPage.goto("/zh-CN/account");
  await expect(replayPage).toHaveURL(/\/zh-CN\/sign-in/);
  await expect(replayPage.getByTestId("current-user")).toHaveCount(0);

  await thief.dispose();
  await replayContext.close();
  await context.close();
});
