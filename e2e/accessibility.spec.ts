// Issue 14: an accessibility check (axe-core) of the main pages in both languages, as a visitor
// and as a signed-in member: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiPost, createMember, signIn } from "./helpers/members";

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

test("main pages in zh-CN and en have no serious or critical axe violations", async ({ page, request }) => {
  test.setTimeout(240_000);
  const company = await createMember("axecompany", "company");
  const need = await apiPost(request, company.token, "/api/v1/needs", {
    title: `无障碍检查需求 ${Date.now().toString(36)}`,
    description: "用于无障碍检查的公开需求，描述一个常见的工艺改进问题，欢迎高校团队合作。",
    field: "智能制造",
    visibility: "PUBLIC",
  });
  const publicPaths = ["", "/needs", "/results", "/search?q=%E5%B7%A5%E8%89%BA", `/needs/${need.id}`, "/sign-in", "/sign-up", "/about"];
  const memberPaths = ["/contacts", "/notifications", "/needs/new/quick"];
  const found: string[] = [];
  for (const locale of ["zh-CN", "en"]) {
    for (const p of publicPaths) {
      await page.goto(`/${locale}${p}`);
      found.push(...(await seriousViolations(page)));
    }
  }
  await signIn(page, company);
  for (const locale of ["zh-CN", "en"]) {
    for (const p of memberPaths) {
      await page.goto(`/${locale}${p}`);
      found.push(...(await seriousViolations(page)));
    }
  }
  expect(found).toEqual([]);
});
