// Issue 4, test 2 as an HTTP client sees the app: unique canary strings are planted (through the
// REST API; attachments as the browser uploads them) in every confidential field and attachment
// name of a CONFIDENTIAL and a BROKER_ONLY need and in the messages of an access request. Then, as each unauthorised role (anonymous, another company, a
// researcher without a grant, a researcher whose request is pending and later revoked), every
// page that can show a need (HTML and React Server Component payload), every API response, every
// search variant, every email in the sink and the server's own logs are searched: no canary.
// A granted researcher sees them; after revocation they are gone on the very next request.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser, type TestUser } from "./helpers/accounts";
import { allMessages, rawMessage, waitForMessage } from "./helpers/mail";
import { readServerLog } from "./helpers/server-log";

const INJECTION = 'x" OR visibility = "PUBLIC';
const TEASER = "寻找锂电池低温快充方向的合作团队，细节签署保密协议后可见。";

type Role = {
  name: string;
  user?: TestUser;
  /** Cookie-authenticated client (pages, server components); anonymous: no cookies. */
  web: APIRequestContext;
  /** Bearer token for /api/v1 (none for anonymous). */
  token?: string;
  dispose: () => Promise<void>;
};

type Fetched = { label: string; status: number; body: string; contentType: string };

function randomTag(length: number): string {
  let out = "";
  while (out.length < length) out += Math.random().toString(36).slice(2).toUpperCase();
  return out.slice(0, length);
}

// One base string for the whole run, a suffix per field: a hit names the leaking field.
const BASE = `QX${randomTag(8)}`;
const canary = (field: string) => `${BASE}${field}`;
// Numbers cannot hold letters: the budget canaries are unlikely 9-digit values.
const budgetMin = 100_000_000 + Math.floor(Math.random() * 800_000_000);
const budgetMax = budgetMin + 1;
const budgetForms = [budgetMin, budgetMax].flatMap((n) => [String(n), n.toLocaleString("en-US"), n.toLocaleString("zh-CN")]);

/** Every canary form found in `text` (the run's base string or a budget value). */
function leaks(text: string, ignore: string[] = []): string[] {
  let scrubbed = text;
  for (const echo of ignore) scrubbed = scrubbed.split(echo).join("");
  const found = [...scrubbed.matchAll(new RegExp(`${BASE}[A-Z0-9]*`, "g"))].map((m) => m[0]);
  for (const form of budgetForms) if (scrubbed.includes(form)) found.push(form);
  return [...new Set(found)];
}

async function asRole(browser: Browser, name: string, role: "COMPANY" | "RESEARCHER"): Promise<Role> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = uniqueUser(name);
  await signUpAndConfirm(page, user, role);
  const token = await createApiTokenInUi(page);
  await page.close();
  return { name, user, web: context.request, token, dispose: () => context.close() };
}

async function anonymous(baseURL: string): Promise<Role> {
  const web = await playwrightRequest.newContext({ baseURL });
  return { name: "anonymous", web, dispose: () => web.dispose() };
}

async function read(label: string, res: APIResponse): Promise<Fetched> {
  return { label, status: res.status(), body: await res.text(), contentType: res.headers()["content-type"] ?? "" };
}

/** A page as HTML, as the RSC payload of a navigation and as a prefetch payload. */
async function fetchPage(role: Role, path: string): Promise<Fetched[]> {
  const html = await role.web.get(path);
  const rsc = await role.web.get(path, { headers: { RSC: "1" } });
  const prefetch = await role.web.get(path, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  return [await read(`${path} (HTML)`, html), await read(`${path} (RSC)`, rsc), await read(`${path} (RSC prefetch)`, prefetch)];
}

async function fetchApi(role: Role, method: "GET" | "POST" | "PATCH", path: string, data?: unknown): Promise<Fetched> {
  const headers = role.token ? { authorization: `Bearer ${role.token}` } : undefined;
  const res = await role.web.fetch(path, { method, headers, data, failOnStatusCode: false });
  return read(`${method} ${path}`, res);
}

/** Runs the fetches a few at a time (the e2e server runs on a small machine). */
async function inBatches<T>(jobs: Array<() => Promise<T[] | T>>, size = 4): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < jobs.length; i += size) {
    const results = await Promise.all(jobs.slice(i, i + size).map((job) => job()));
    for (const r of results) out.push(...(Array.isArray(r) ? r : [r]));
  }
  return out;
}

type World = {
  confId: string;
  brokerId: string;
  requestId: string;
  ownResultId: string;
  ownNeedId: string;
  confTitleWord: string;
};

const searchQueries = (w: World) => ["", w.confTitleWord, INJECTION, "*", canary("DESC"), canary("TITLE"), "电池材料"];

/** Every page and API response that can show a need, as `role` sees it. */
async function sweep(role: Role, w: World): Promise<Fetched[]> {
  const needPages = (id: string) => [
    `/zh-CN/needs/${id}`,
    `/zh-CN/needs/${id}/access`,
    `/zh-CN/needs/${id}/requests`,
    `/zh-CN/needs/${id}/audit`,
    `/zh-CN/needs/${id}/edit`,
    `/en/needs/${id}`,
  ];
  const pages = [
    ...needPages(w.confId),
    ...needPages(w.brokerId),
    `/zh-CN/needs/${w.confId}/requests/${w.requestId}`,
    `/zh-CN/needs/${w.brokerId}/requests/${w.requestId}`,
    "/zh-CN",
    "/zh-CN/needs",
    "/zh-CN/needs?page=2",
    "/en/needs",
    "/zh-CN/results",
    "/zh-CN/account",
    "/zh-CN/needs/new",
    "/zh-CN/needs/new/quick",
    `/zh-CN/results/${w.ownResultId}`,
    `/zh-CN/needs/${w.ownNeedId}`,
    "/zh-CN/admin/audit",
    "/zh-CN/admin/outbox",
    // The public catalogue (issue 14): home in both languages, facets over hidden fields, the
    // sitemap and the contact pages.
    "/en",
    "/en/results",
    `/zh-CN/needs?region=${encodeURIComponent(canary("REGION"))}`,
    "/zh-CN/needs?sort=budget",
    "/zh-CN/contacts",
    "/sitemap.xml",
    "/robots.txt",
    ...searchQueries(w).map((q) => `/zh-CN/search?type=needs&q=${encodeURIComponent(q)}`),
    "/zh-CN/search?type=results",
    `/zh-CN/search?type=needs&q=${encodeURIComponent(w.confTitleWord)}&page=2`,
    `/zh-CN/search?type=${encodeURIComponent(INJECTION)}&q=${encodeURIComponent(INJECTION)}&page=${encodeURIComponent(INJECTION)}`,
  ];
  const search = (params: Record<string, string>) => `/api/v1/search?${new URLSearchParams({ type: "needs", ...params })}`;
  const apiGets = [
    "/api/v1/needs",
    "/api/v1/needs?page=1&pageSize=100",
    ...[w.confId, w.brokerId].flatMap((id) => [
      `/api/v1/needs/${id}`,
      `/api/v1/needs/${id}/nda`,
      `/api/v1/needs/${id}/access-requests`,
      `/api/v1/needs/${id}/audit`,
      `/api/v1/needs/${id}/matches`,
      `/api/v1/needs/${id}/unknown`,
    ]),
    `/api/v1/access-requests/${w.requestId}/messages`,
    "/api/v1/results",
    `/api/v1/results/${w.ownResultId}`,
    "/api/v1/audit-log",
    "/zh-CN/admin/audit/export",
    ...searchQueries(w).map((q) => search({ q })),
    search({ q: "", sort: "newest", limit: "50" }),
    search({ q: w.confTitleWord, field: "电池材料", trlMin: "1", trlMax: "9", lang: "zh" }),
    search({ region: canary("REGION") }),
    search({ field: `电池材料" OR visibility = "CONFIDENTIAL` }),
    search({ region: INJECTION, chainId: INJECTION, chainNodeId: INJECTION }),
    search({ collaborationModes: "LICENCE,CO_DEVELOPMENT", sort: "newest" }),
    search({ q: w.confTitleWord, page: "2", limit: "1" }),
    search({ type: "results", q: w.confTitleWord }),
  ];
  const apiWrites: Array<[method: "POST" | "PATCH", path: string, data: unknown]> = [
    ["PATCH", `/api/v1/needs/${w.confId}`, { title: "改个标题试试看" }],
    ["PATCH", `/api/v1/needs/${w.brokerId}`, { title: "改个标题试试看" }],
    ["PATCH", `/api/v1/access-requests/${w.requestId}`, { decision: "APPROVE", reasonCode: "QUALIFIED" }],
    ["POST", `/api/v1/access-requests/${w.requestId}/messages`, { body: "能看看细节吗？" }],
    ["POST", `/api/v1/access-requests/${w.requestId}/revoke`, { reasonCode: "OTHER" }],
  ];
  return inBatches<Fetched>([
    ...pages.map((p) => () => fetchPage(role, p)),
    ...apiGets.map((p) => () => fetchApi(role, "GET", p)),
    ...apiWrites.map(
      ([m, p, d]) =>
        () =>
          fetchApi(role, m, p, d),
    ),
  ]);
}

function expectNoCanary(role: Role, fetched: Fetched[], w: World) {
  const found = fetched.flatMap((f) => {
    // The search box echoes the words searched for: the echo itself is not a leak, but then the
    // hidden needs must not be among the hits either.
    const echoes = searchQueriesEchoed(f.label);
    const hits = leaks(f.body, echoes);
    if (echoes.length && (f.body.includes(w.confId) || f.body.includes(w.brokerId))) hits.push("a hidden need found by its confidential words");
    return hits.length ? [`${f.label} [${f.status}]: ${hits.join(", ")}`] : [];
  });
  const counts = new Map<number, number>();
  for (const f of fetched) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const statuses = [...counts].map(([status, n]) => `${status}: ${n}`);
  test.info().annotations.push({ type: "sweep", description: `${role.name}: ${fetched.length} responses (${statuses.join(", ")})` });
  expect(found, `canaries seen by ${role.name}`).toEqual([]);
  // Guard against a sweep that silently fetched nothing (e.g. every page a 500).
  expect(
    fetched.filter((f) => f.status >= 500).map((f) => `${f.label} [${f.status}]`),
    `server errors for ${role.name}`,
  ).toEqual([]);
}

// The sweep really rendered the need for a signed-in role: its page (HTML and RSC payload), the
// API and the search show the teaser. Without this, a sweep of error pages would pass.
function expectTeaserShown(role: Role, fetched: Fetched[], w: World) {
  const get = (label: string) => {
    const f = fetched.find((x) => x.label === label);
    expect(f, `${role.name}: ${label} fetched`).toBeDefined();
    return f!;
  };
  for (const kind of ["HTML", "RSC"]) {
    const page = get(`/zh-CN/needs/${w.confId} (${kind})`);
    expect(page.status, `${role.name}: ${page.label}`).toBe(200);
    expect(page.body, `${role.name}: ${page.label}`).toContain(TEASER);
    expect(page.body, `${role.name}: ${page.label}`).toContain(w.confTitleWord);
  }
  expect(get(`/zh-CN/needs/${w.confId} (RSC)`).contentType).toContain("text/x-component");
  const api = JSON.parse(get(`GET /api/v1/needs/${w.confId}`).body) as { access?: string; teaser?: string };
  expect(api).toMatchObject({ access: "teaser", teaser: TEASER });
  expect(get(`/zh-CN/search?type=needs&q=${encodeURIComponent(w.confTitleWord)} (HTML)`).body).toContain(`/needs/${w.confId}`);
  expect(get(`GET /api/v1/search?${new URLSearchParams({ type: "needs", q: w.confTitleWord })}`).body).toContain(w.confId);
  expect(get(`/zh-CN/needs/${w.brokerId} (HTML)`).status, `${role.name}: the broker-only need`).toBe(404);
  expect(get(`GET /api/v1/needs/${w.brokerId}`).status).toBe(404);
}

// An anonymous visitor (issue 14) sees the confidential need as its teaser on its public page and
// in the public search, and the BROKER_ONLY one nowhere (404); the API stays for token holders.
function expectVisitorTeaser(fetched: Fetched[], w: World) {
  const get = (label: string) => fetched.find((x) => x.label === label)!;
  for (const kind of ["HTML", "RSC"]) {
    const page = get(`/zh-CN/needs/${w.confId} (${kind})`);
    expect(page.status, `anonymous: ${page.label}`).toBe(200);
    expect(page.body, `anonymous: ${page.label}`).toContain(TEASER);
  }
  expect(get(`/zh-CN/search?type=needs&q=${encodeURIComponent(w.confTitleWord)} (HTML)`).body).toContain(`/needs/${w.confId}`);
  expect(get("/sitemap.xml (HTML)").body).toContain(`/needs/${w.confId}`);
  expect(get("/sitemap.xml (HTML)").body).not.toContain(w.brokerId);
  expect(get(`/zh-CN/needs/${w.brokerId} (HTML)`).status).toBe(404);
  expect(get(`GET /api/v1/needs/${w.confId}`).status).toBe(401);
}

function searchQueriesEchoed(label: string): string[] {
  const url = new URL(label.split(" ").find((part) => part.startsWith("/")) ?? "/", "http://x");
  return ["q", "region"].map((k) => url.searchParams.get(k) ?? "").filter((v) => v.startsWith(BASE));
}

test("no canary reaches an unauthorised role: pages, RSC payloads, API, search, emails, logs", async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const roles: Role[] = [];
  const owner = await asRole(browser, "canaryowner", "COMPANY");
  const otherCompany = await asRole(browser, "canaryother", "COMPANY");
  const researcher = await asRole(browser, "canaryres", "RESEARCHER");
  const revoked = await asRole(browser, "canaryrevoked", "RESEARCHER");
  const anon = await anonymous(baseURL!);
  roles.push(owner, otherCompany, researcher, revoked, anon);
  const asOwner = (m: "GET" | "POST" | "PATCH", p: string, d?: unknown) => fetchApi(owner, m, p, d);
  const json = (f: Fetched) => JSON.parse(f.body) as Record<string, unknown>;

  // Plant the canaries.
  const confTitleWord = `锂电低温析锂${randomTag(4).toLowerCase()}`;
  const conf = await asOwner("POST", "/api/v1/needs", {
    title: `${confTitleWord} 正极材料合作`,
    teaser: TEASER,
    description: `高镍正极在低温快充时析锂，内部配方 ${canary("DESC")} 已试过电解液添加剂。`,
    field: "电池材料",
    keywords: ["析锂", canary("KEYWORD")],
    visibility: "CONFIDENTIAL",
    teaserFields: [],
    region: canary("REGION"),
    trlTarget: 4,
    budgetMinCny: budgetMin,
    budgetMaxCny: budgetMax,
    collaborationModes: ["CO_DEVELOPMENT"],
  });
  expect(conf.status, conf.body).toBe(201);
  const broker = await asOwner("POST", "/api/v1/needs", {
    title: `${canary("TITLE")} 仅经纪人可见的需求`,
    teaser: `经纪人摘要 ${canary("TEASER")}`,
    description: `只给经纪人看的需求正文 ${canary("BDESC")}，涉及新一代电芯结构。`,
    field: `领域${canary("FIELD")}`,
    keywords: [canary("BKEYWORD")],
    visibility: "BROKER_ONLY",
    region: canary("BREGION"),
    budgetMinCny: budgetMin,
    budgetMaxCny: budgetMax,
  });
  expect(broker.status, broker.body).toBe(201);
  // The owner's own view carries every canary: the planting worked.
  expect(leaks(conf.body)).toEqual(expect.arrayContaining([canary("DESC"), canary("KEYWORD"), canary("REGION"), String(budgetMin)]));
  expect(leaks(broker.body)).toEqual(expect.arrayContaining([canary("TITLE"), canary("TEASER"), canary("BDESC"), canary("FIELD"), canary("BREGION")]));

  // Attachments (their names are as confidential as the need), uploaded as the owner's browser does.
  for (const [id, name] of [
    [String(json(conf).id), canary("ATTACHCONF")],
    [String(json(broker).id), canary("ATTACHBROKER")],
  ] as const) {
    const uploaded = await owner.web.post(`/api/attachments?locale=zh-CN`, {
      headers: { origin: baseURL! },
      multipart: {
        needId: id,
        file: { name: `${name}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%canary\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") },
      },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
  }
  const ownerPage = await owner.web.get(`/zh-CN/needs/${String(json(conf).id)}`);
  expect(leaks(await ownerPage.text())).toContain(canary("ATTACHCONF"));

  // A result of the researcher without a grant, close to the confidential need's teaser (its
  // page lists matching needs); a public need of the other company (its page lists results).
  const result = await fetchApi(researcher, "POST", "/api/v1/results", {
    title: `${confTitleWord} 锂电池低温快充析锂抑制技术`,
    summary: "面向锂电池低温快充的析锂抑制方案，适用于高镍正极体系，可与企业开展合作研发。",
    field: "电池材料",
    keywords: ["析锂", "低温快充", "锂电池"],
  });
  expect(result.status, result.body).toBe(201);
  const ownNeed = await fetchApi(otherCompany, "POST", "/api/v1/needs", {
    title: "锂电池低温快充工艺改进",
    description: "我们希望改进锂电池在低温环境下的快充工艺，欢迎高校团队合作。",
    field: "电池材料",
  });
  expect(ownNeed.status, ownNeed.body).toBe(201);

  // The researcher who will be granted and then revoked asks for access (with a message).
  const nda = json(await fetchApi(revoked, "GET", `/api/v1/needs/${json(conf).id}/nda`));
  const asked = await fetchApi(revoked, "POST", `/api/v1/needs/${json(conf).id}/access-requests`, {
    ndaVersion: nda.version,
    acceptNda: true,
    message: `申请留言 ${canary("MSGREQUEST")}`,
  });
  expect(asked.status, asked.body).toBe(201);

  const world: World = {
    confId: String(json(conf).id),
    brokerId: String(json(broker).id),
    requestId: String(json(asked).id),
    ownResultId: String(json(result).id),
    ownNeedId: String(json(ownNeed).id),
    confTitleWord,
  };

  // The confidential need's teaser is searchable and matched: the sweeps below see it listed.
  await expect(async () => {
    const hits = await fetchApi(researcher, "GET", `/api/v1/search?type=needs&q=${encodeURIComponent(confTitleWord)}`);
    expect(hits.body).toContain(world.confId);
  }).toPass({ timeout: 60_000 });
  await expect(async () => {
    const page = await researcher.web.get(`/zh-CN/results/${world.ownResultId}`);
    expect(await page.text()).toContain(`/needs/${world.confId}`);
  }).toPass({ timeout: 60_000 });

  await test.step("before any grant: no unauthorised role sees a canary", async () => {
    for (const role of [anon, otherCompany, researcher, revoked]) {
      const fetched = await sweep(role, world);
      expectNoCanary(role, fetched, world);
      if (role !== anon) expectTeaserShown(role, fetched, world);
      else expectVisitorTeaser(fetched, world);
    }
  });

  await test.step("granted: the researcher sees the full need and the thread", async () => {
    const approved = await asOwner("PATCH", `/api/v1/access-requests/${world.requestId}`, { decision: "APPROVE", reasonCode: "QUALIFIED" });
    expect(approved.status, approved.body).toBe(200);
    const posted = await fetchApi(revoked, "POST", `/api/v1/access-requests/${world.requestId}/messages`, { body: `研究者提问 ${canary("MSGRESEARCHER")}` });
    expect(posted.status, posted.body).toBe(201);
    const answered = await asOwner("POST", `/api/v1/access-requests/${world.requestId}/messages`, { body: `企业回复 ${canary("MSGOWNER")}` });
    expect(answered.status, answered.body).toBe(201);

    const [html, rsc] = await fetchPage(revoked, `/zh-CN/needs/${world.confId}`);
    for (const f of [html!, rsc!]) {
      expect(f.status, f.label).toBe(200);
      expect(leaks(f.body), f.label).toEqual(
        expect.arrayContaining([canary("DESC"), canary("KEYWORD"), canary("REGION"), canary("ATTACHCONF"), String(budgetMin)]),
      );
    }
    expect(rsc!.contentType).toContain("text/x-component");
    const [threadHtml, threadRsc] = await fetchPage(revoked, `/zh-CN/needs/${world.confId}/access`);
    for (const f of [threadHtml!, threadRsc!])
      expect(leaks(f.body), f.label).toEqual(expect.arrayContaining([canary("MSGREQUEST"), canary("MSGRESEARCHER"), canary("MSGOWNER")]));
    const api = await fetchApi(revoked, "GET", `/api/v1/needs/${world.confId}`);
    expect(leaks(api.body)).toContain(canary("DESC"));
    const thread = await fetchApi(revoked, "GET", `/api/v1/access-requests/${world.requestId}/messages`);
    expect(leaks(thread.body)).toEqual(expect.arrayContaining([canary("MSGRESEARCHER"), canary("MSGOWNER")]));
    // ...but never the broker-only need.
    expectNoCanary(
      revoked,
      [...(await fetchPage(revoked, `/zh-CN/needs/${world.brokerId}`)), await fetchApi(revoked, "GET", `/api/v1/needs/${world.brokerId}`)],
      world,
    );
  });

  await test.step("while one researcher is granted, the other roles still see no canary", async () => {
    for (const role of [anon, otherCompany, researcher]) {
      const fetched = await sweep(role, world);
      expectNoCanary(role, fetched, world);
      if (role !== anon) expectTeaserShown(role, fetched, world);
    }
  });

  await test.step("revoked: gone on the very next request", async () => {
    const revokedAt = new Date();
    const revocation = await asOwner("POST", `/api/v1/access-requests/${world.requestId}/revoke`, { reasonCode: "PROJECT_CLOSED" });
    expect(revocation.status, revocation.body).toBe(200);
    const fetched = await sweep(revoked, world);
    expectNoCanary(revoked, fetched, world);
    expectTeaserShown(revoked, fetched, world);
    // Everyone was told by email (the worker sends them): wait for the last one, then read all.
    await waitForMessage(revoked.user!.email, { after: revokedAt, match: (m) => m.subject.includes("撤销") });
  });

  await test.step("no email in the sink carries a canary", async () => {
    const messages = await allMessages();
    const ours = messages.filter((m) => roles.some((r) => r.user && m.to.includes(r.user.email)));
    // requested (owner), approved + revoked (researcher), two messages (one each way), sign-ups.
    expect(ours.length).toBeGreaterThanOrEqual(9);
    const found: string[] = [];
    for (const m of messages) {
      const hits = leaks(`${m.subject}\n${m.text ?? ""}\n${m.html ?? ""}\n${await rawMessage(m.id)}`);
      if (hits.length) found.push(`${m.to.join(",")} "${m.subject}": ${hits.join(", ")}`);
    }
    expect(found).toEqual([]);
  });

  await test.step("the server's logs never hold a canary", async () => {
    const log = readServerLog();
    // The log is the live server's: it holds the mail log lines of this run's users.
    expect(log).toContain(revoked.user!.email);
    const found = log.split("\n").filter((line) => leaks(line).length > 0);
    expect(found).toEqual([]);
  });

  for (const r of roles) await r.dispose();
});
