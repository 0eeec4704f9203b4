// Members made the operator's way (`npm run admin -- create-user` / `create-token` against the e2e
// server's database): no sign-up mail round trip, so specs that only need an account stay fast.
// Sign-up itself is covered by e2e/core-flow.spec.ts.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { runAdminCli } from "./staff";
import { uniqueUser, type TestUser } from "./accounts";

export type Member = TestUser & { token: string };

export async function createMember(prefix: string, role: "company" | "researcher"): Promise<Member> {
  const user = uniqueUser(prefix);
  await runAdminCli([
    "create-user",
    "--email",
    user.email,
    "--password",
    user.password,
    "--role",
    role,
    "--org",
    user.org,
    "--org-kind",
    role === "company" ? "company" : "university",
    "--name",
    user.name,
  ]);
  const token = (await runAdminCli(["create-token", "--email", user.email, "--name", "e2e"])).trim();
  expect(token).toMatch(/^tb_pat_/);
  return { ...user, token };
}

/** Fills the sign-in form (the page must be the sign-in page) and waits to leave it. */
export async function signInHere(page: Page, user: TestUser): Promise<void> {
  await page.getByLabel("电子邮箱", { exact: true }).fill(user.email);
  await page.getByLabel("密码").fill(user.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  // Password hashing (argon2) is slow on purpose; on a busy machine it takes a while.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto("/zh-CN/sign-in");
  await signInHere(page, user);
}

export async function apiPost<T = { id: string }>(request: APIRequestContext, token: string, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { headers: { authorization: `Bearer ${token}` }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** Waits until the public search finds `id` for query `q` (indexing is asynchronous). */
export async function waitUntilSearchable(request: APIRequestContext, token: string, type: "needs" | "results", q: string, id: string): Promise<void> {
  await expect(async () => {
    const res = await request.get(`/api/v1/search?type=${type}&q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await res.text()).toContain(id);
  }).toPass({ timeout: 60_000 });
}
