// Issue 14: an accessibility check (axe-core) of the main pages in both languages, as a visitor
// and as a signed-in member: no serious or critical violations (WCAG 2.1 A/AA rules).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiPost, createMember, signIn, type Member } from "./helpers/members";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

let company: Member;
let needId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  company = await createMember("axecompany", "company");
  needId = (
    await apiPost(request, company.token, "/api/v1/needs", {
      title: `无障碍检查需求 ${Date.now().toString(36)}`,
      description: "用于无障碍检查的公开需求，描述一个常见的工艺改进问题，欢迎高校团队合作。",
      field: "智能制造",
      visibility: "PUBLIC",
    })
  ).id;
});

for (const locale of ["zh-CN", "en"]) {
  test(`public pages (${locale}) have no serious or critical axe violations`, async ({ page }) => {
    test.setTimeout(300_000);
    const found: string[] = [];
    for (const p of [
      "",
      "/needs",
      "/results",
      "/search?q=%E5%B7%A5%E8%89%BA",
      `/needs/${needId}`,
      "/sign-in",
      "/about",
      "/challenges",
      "/instruments",
      "/metrics",
    ]) {
      await page.goto(`/${locale}${p}`);
      found.push(...(await seriousViolations(page)));
    }
    expect(found).toEqual([]);
  });
}

test("member pages (zh-CN and en) have no serious or critical axe violations", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, company);
  const found: string[] = [];
  for (const locale of ["zh-CN", "en"]) {
    for (const p of ["/contacts", "/needs/new/quick", "/needs/import"]) {
      await page.goto(`/${locale}${p}`);
      found.push(...(await seriousViolations(page)));
    }
  }
  expect(found).toEqual([]);
});
