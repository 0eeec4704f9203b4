// Issue 15 done-means: a challenge (揭榜挂帅) runs from publication through two applications,
// panel scoring with one conflict declared, award, two milestones (one rejected then accepted),
// completion and outcome, and the public page shows it as completed. Data is made through the REST
// API (people sign up in the UI); the call closes by the scheduled deadline sweep run "after the
// deadline" through the e2e server's test hook; the conflict, the rejection and the public page
// go through the UI.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";

test.describe.configure({ mode: "serial" });

/** A 1x1 PNG. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

type Person = { page: Page; token: string; email: string; name: string };

async function person(browser: Browser, prefix: string, role: "COMPANY" | "RESEARCHER"): Promise<Person> {
  const page = await (await browser.newContext()).newPage();
  const user = uniqueUser(prefix);
  await signUpAndConfirm(page, user, role);
  return { page, token: await createApiTokenInUi(page), email: user.email, name: user.name };
}

async function call(request: APIRequestContext, p: Person, method: "GET" | "POST" | "PUT", path: string, data?: unknown, status = 200) {
  const res = await request.fetch(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${p.token}` }, data });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
  return res.json();
}

test("a challenge from publication to completion and outcome", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const sponsor = await person(browser, "sponsor", "COMPANY");
  const solverA = await person(browser, "solver-a", "RESEARCHER");
  const solverB = await person(browser, "solver-b", "RESEARCHER");
  const expert1 = await person(browser, "expert-1", "RESEARCHER");
  const expert2 = await person(browser, "expert-2", "RESEARCHER");
  const stamp = Date.now().toString(36);
  const deadline = new Date(Date.now() + 10 * 86_400_000);

  // Publication.
  const created = await call(
    request,
    sponsor,
    "POST",
    "/challenges",
    {
      title: `揭榜 ${stamp} 固态电池界面阻抗`,
      teaser: "硫化物固态电池正极界面阻抗降低到 20 Ω·cm² 以下",
      problem: "硫化物电解质与高镍正极界面副反应导致阻抗持续升高，需要包覆或界面层方案，在 0.5C 下 500 次循环容量保持率 ≥90%。",
      field: "新能源",
      region: "南山区",
      indicators: [
        { name: "界面阻抗", target: "≤20 Ω·cm²", verification: "第三方 EIS 报告" },
        { name: "循环寿命", target: "500 次 ≥90%", verification: "发榜方复测" },
      ],
      bountyTotalCny: 2_000_000,
      milestoneSplit: [
        { title: "小样", percent: 40 },
        { title: "结题验收", percent: 60 },
      ],
      applicationDeadline: deadline.toISOString(),
      durationMonths: 12,
      criteria: [
        { name: "技术路线", weight: 60 },
        { name: "团队能力", weight: 40 },
      ],
    },
    201,
  );
  const id = created.id as string;
  const published = await call(request, sponsor, "POST", `/challenges/${id}/transitions`, { to: "OPEN", version: created.version });
  // An illegal move is a 409 with a clear message.
  const illegal = await request.post(`/api/v1/challenges/${id}/transitions`, {
    headers: { authorization: `Bearer ${sponsor.token}` },
    data: { to: "OPEN", version: published.version },
  });
  expect(illegal.status()).toBe(409);
  await call(request, sponsor, "POST", `/challenges/${id}/panel`, { email: expert1.email }, 201);
  await call(request, sponsor, "POST", `/challenges/${id}/panel`, { email: expert2.email }, 201);

  // Two applications.
  const plan = [
    { title: "小样", deliverables: "界面包覆小样与 EIS 数据", dueAt: new Date(Date.now() + 60 * 86_400_000).toISOString(), amountCny: 800_000 },
    { title: "结题验收", deliverables: "500 次循环报告", dueAt: new Date(Date.now() + 200 * 86_400_000).toISOString(), amountCny: 1_200_000 },
  ];
  const appA = await call(
    request,
    solverA,
    "POST",
    `/challenges/${id}/applications`,
    { approach: "LiNbO3 原子层沉积包覆结合卤化物缓冲层，抑制界面副反应。", planMilestones: plan, budgetCny: 2_000_000 },
    201,
  );
  const appB = await call(
    request,
    solverB,
    "POST",
    `/challenges/${id}/applications`,
    { approach: "梯度掺杂正极与原位聚合界面层，降低界面阻抗。", planMilestones: plan, budgetCny: 1_800_000 },
    201,
  );
  // Applicant A adds a file to the application in the UI (checked by content: a text file is refused).
  await solverA.page.goto(`/zh-CN/challenges/applications/${appA.id}`);
  const addFiles = solverA.page.getByTestId("add-files");
  await addFiles.locator('input[type="file"]').setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a pdf") });
  await addFiles.getByRole("button", { name: "上传附件" }).click();
  await expect(addFiles.getByRole("alert").last()).toContainText("notes.txt");
  await addFiles.locator('input[type="file"]').setInputFiles({ name: "界面阻抗-EIS.png", mimeType: "image/png", buffer: Buffer.from(PNG_BASE64, "base64") });
  await addFiles.getByRole("button", { name: "上传附件" }).click();
  await expect(solverA.page.getByTestId("file-link")).toHaveText("界面阻抗-EIS.png");
  const fileHref = (await solverA.page.getByTestId("file-link").getAttribute("href"))!;

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/zh-CN/challenges/${id}`);
  await expect(anonymous.getByTestId("application-count")).toHaveText("2");
  await expect(anonymous.getByText("LiNbO3")).toHaveCount(0);

  // The deadline passes: the scheduled sweep closes the call (no one opens a page).
  const sweep = await request.post("/api/test/reminders", { data: { now: new Date(deadline.getTime() + 3_600_000).toISOString() } });
  expect(sweep.status()).toBe(200);
  expect(((await sweep.json()) as { challenges: { callsClosed: number } }).challenges.callsClosed).toBeGreaterThanOrEqual(1);

  // Panel: expert 2 declares a conflict on application A in the UI; it disappears for them.
  await expert2.page.goto(`/zh-CN/challenges/${id}/review`);
  await expect(expert2.page.getByTestId("review-item")).toHaveCount(2);
  const itemA = expert2.page.getByTestId("review-item").filter({ hasText: "LiNbO3" });
  await itemA.getByRole("button", { name: "声明利益冲突" }).click();
  await expect(expert2.page.getByTestId("review-item")).toHaveCount(1);
  await expect(expert2.page.getByText("LiNbO3")).toHaveCount(0);
  // The file: the conflicted expert may not download it; the other expert may.
  expect((await expert2.page.request.get(fileHref)).status()).toBe(404);
  expect((await expert1.page.request.get(fileHref)).status()).toBe(200);
  const conflicted = await request.put(`/api/v1/challenge-applications/${appA.id}/scores`, {
    headers: { authorization: `Bearer ${expert2.token}` },
    data: { scores: [{ criterionKey: "k1", score: 9 }] },
  });
  expect(conflicted.status()).toBe(404);
  const sheet = (a: number, b: number) => ({
    scores: [
      { criterionKey: "k1", score: a, comment: "路线清晰" },
      { criterionKey: "k2", score: b },
    ],
  });
  await call(request, expert1, "PUT", `/challenge-applications/${appA.id}/scores`, sheet(9, 8));
  await call(request, expert1, "PUT", `/challenge-applications/${appB.id}/scores`, sheet(6, 7));
  await call(request, expert2, "PUT", `/challenge-applications/${appB.id}/scores`, sheet(8, 6));
  const board = await call(request, sponsor, "GET", `/challenges/${id}/applications`);
  expect(board.items.map((i: { id: string; score: number }) => [i.id, i.score])).toEqual([
    [appA.id, 86],
    [appB.id, 68],
  ]);

  // The sponsor shortlists A and asks a question in the UI; the applicant answers in place.
  await call(request, sponsor, "POST", `/challenge-applications/${appA.id}/shortlist`, { version: appA.version, shortlisted: true });
  await sponsor.page.goto(`/zh-CN/challenges/applications/${appA.id}`);
  await sponsor.page.getByTestId("ask-form").getByLabel("向申请人提问").fill("LiNbO3 包覆层厚度如何控制？");
  await sponsor.page.getByTestId("ask-form").getByRole("button", { name: "发送问题" }).click();
  await expect(sponsor.page.getByTestId("question")).toContainText("LiNbO3 包覆层厚度如何控制？");
  await solverA.page.goto(`/zh-CN/challenges/applications/${appA.id}`);
  await solverA.page.getByTestId("answer-form").getByLabel("回答").fill("ALD 循环次数控制在 5 nm 以内。");
  await solverA.page.getByTestId("answer-form").getByRole("button", { name: "提交回答" }).click();
  await expect(solverA.page.getByTestId("answer")).toContainText("5 nm");
  await sponsor.page.reload();
  await expect(sponsor.page.getByTestId("answer")).toContainText("5 nm");
  // The conflicted expert cannot open application A (nor its questions).
  const hidden = await request.get(`/api/v1/challenge-applications/${appA.id}`, { headers: { authorization: `Bearer ${expert2.token}` } });
  expect(hidden.status()).toBe(404);

  // Award A; B is told why.
  const state = await call(request, sponsor, "GET", `/challenges/${id}`);
  await call(request, sponsor, "POST", `/challenges/${id}/award`, {
    version: state.version,
    awards: [{ applicationId: appA.id, reason: "加权得分最高" }],
    others: [{ applicationId: appB.id, reason: "路线成熟度不及第一名" }],
  });
  const b = await call(request, solverB, "GET", `/challenge-applications/${appB.id}`);
  expect(b).toMatchObject({ status: "NOT_SELECTED", decisionReason: "路线成熟度不及第一名" });

  // Milestone 1: submitted, rejected in the UI with a reason, resubmitted, accepted.
  let project = await call(request, solverA, "GET", `/challenge-applications/${appA.id}/milestones`);
  const [m1, m2] = project.milestones as { id: string; version: number }[];
  let v = (await call(request, solverA, "POST", `/challenge-milestones/${m1!.id}/submission`, { version: m1!.version, note: "小样数据见附件" })).version;
  await sponsor.page.goto(`/zh-CN/challenges/applications/${appA.id}/project`);
  const first = sponsor.page.getByTestId("milestone").first();
  await first.getByLabel("不通过原因").fill("EIS 数据缺少 25°C 对照组");
  await first.getByRole("button", { name: "不通过" }).click();
  await expect(first.getByTestId("rejection")).toContainText("EIS 数据缺少 25°C 对照组");
  project = await call(request, solverA, "GET", `/challenge-applications/${appA.id}/milestones`);
  expect(project.milestones[0].status).toBe("REJECTED");
  v = project.milestones[0].version;
  v = (await call(request, solverA, "POST", `/challenge-milestones/${m1!.id}/submission`, { version: v, note: "补充 25°C 对照组" })).version;
  v = (await call(request, sponsor, "POST", `/challenge-milestones/${m1!.id}/decision`, { version: v, accept: true })).version;
  await call(request, sponsor, "POST", `/challenge-milestones/${m1!.id}/payment`, { version: v, amountCny: 800_000 });
  // Milestone 2 (结题验收) completes the challenge.
  v = (await call(request, solverA, "POST", `/challenge-milestones/${m2!.id}/submission`, { version: m2!.version, note: "500 次循环报告" })).version;
  const done = await call(request, sponsor, "POST", `/challenge-milestones/${m2!.id}/decision`, { version: v, accept: true });
  expect(done.challengeCompleted).toBe(true);

  // Outcome evaluation with the technology contract registration number.
  await call(
    request,
    sponsor,
    "POST",
    `/challenges/${id}/outcome`,
    {
      monthsAfter: 0,
      indicatorsReached: [
        { key: "k1", measured: "18 Ω·cm²", reached: true },
        { key: "k2", measured: "91.5%", reached: true },
      ],
      patentsFiled: 2,
      followOnContracts: 1,
      contractRegistrationNo: `2026440300${stamp.slice(-6)}`,
    },
    201,
  );

  // The public page shows it completed, with the outcome.
  await anonymous.goto(`/zh-CN/challenges/${id}`);
  await expect(anonymous.getByTestId("status").first()).toHaveText("已结题");
  await expect(anonymous.getByTestId("outcome")).toContainText("18 Ω·cm²");
  await expect(anonymous.getByTestId("application-count")).toHaveText("2");
  // Its timeline runs from the call to the evaluation, every step done.
  await expect(anonymous.locator('[data-testid="timeline"] [data-state="done"]')).toHaveCount(7);
  await anonymous.goto(`/zh-CN/challenges?status=COMPLETED`);
  await expect(anonymous.getByTestId("challenge-card").filter({ hasText: stamp })).toContainText("已结题");
});
