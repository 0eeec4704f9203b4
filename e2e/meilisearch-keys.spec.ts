// Issue 4: all search runs server-side; Meilisearch keys never reach the browser. Checked against
// the production build (.next/static: every file a browser can download) and at run time (every
// response the browser receives while a signed-in user browses and searches), with this run's
// real keys: the master key and every key Meilisearch holds (scripts/e2e-server.ts names them).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUpAndConfirm, uniqueUser } from "./helpers/accounts";
import { readServerInfo } from "./helpers/server-log";

const staticDir = path.resolve(".next", "static");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function meiliSecrets(): Promise<{ secrets: string[]; host: string }> {
  const { meiliUrl, meiliMasterKey } = readServerInfo();
  const res = await fetch(`${meiliUrl}/keys?limit=1000`, { headers: { authorization: `Bearer ${meiliMasterKey}` } });
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: Array<{ key: string; uid: string }> };
  // Meilisearch creates a default search key and a default admin key: the list is not empty.
  expect(results.length).toBeGreaterThanOrEqual(2);
  return { secrets: [meiliMasterKey, ...results.flatMap((k) => [k.key, k.uid])], host: new URL(meiliUrl).host };
}

function secretsIn(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => text.includes(s)).map((s) => `${s.slice(0, 4)}… (${s.length} chars)`);
}

test("the client bundles hold no Meilisearch key, address or client", async () => {
  const { secrets, host } = await meiliSecrets();
  const files = filesUnder(staticDir);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const hits = [
      ...secretsIn(text, [...secrets, host]),
      ...["MEILI_MASTER_KEY", "MEILI_URL", "X-Meilisearch-Client", "multi-search"].filter((s) => text.includes(s)),
    ];
    if (hits.length) found.push(`${path.relative(staticDir, file)}: ${hits.join(", ")}`);
  }
  expect(found).toEqual([]);
});

test("a browsing, searching user receives no Meilisearch key and never talks to Meilisearch", async ({ page }) => {
  test.setTimeout(120_000);
  const { secrets, host } = await meiliSecrets();
  const seen: Array<{ url: string; body: string }> = [];
  const toMeili: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).host === host) toMeili.push(r.url());
  });
  page.on("response", async (r) => {
    const body = await r.body().catch(() => null);
    if (body) seen.push({ url: r.url(), body: body.toString("utf8") });
  });

  await signUpAndConfirm(page, uniqueUser("meilikeys"), "RESEARCHER");
  for (const path of [
    "/zh-CN",
    "/zh-CN/needs",
    "/zh-CN/results",
    "/zh-CN/search?type=needs",
    "/zh-CN/search?type=results&q=%E7%94%B5%E6%B1%A0",
    "/en/search?type=needs&q=battery",
    "/zh-CN/account",
    "/zh-CN/results/new",
  ]) {
    await page.goto(path);
  }
  // Typing in the search box navigates on the client (RSC payloads).
  await page.goto("/zh-CN/search?type=needs");
  await page.getByRole("searchbox").fill("锂电池");
  await expect(page).toHaveURL(/q=/);
  await page.waitForLoadState("networkidle");

  expect(
    seen.some((s) => s.url.includes("/_next/static/") && s.url.endsWith(".js")),
    "client bundles were loaded",
  ).toBe(true);
  expect(toMeili).toEqual([]);
  const found = seen.flatMap((s) => {
    const hits = secretsIn(s.body, [...secrets, host]);
    return hits.length ? [`${s.url}: ${hits.join(", ")}`] : [];
  });
  expect(found).toEqual([]);
});
