// npm run screenshots: the README's three pictures (home, a need with its matches, the need
// wizard), taken from a running demo (`npm run demo`, default http://127.0.0.1:3000; another with
// SCREENSHOT_BASE_URL) with Debian's Chromium, 1366x900, zh-CN. Writes docs/screenshot-*.png.
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/data/demo/organisations";

const base = process.env.SCREENSHOT_BASE_URL || "http://127.0.0.1:3000";
const out = (name: string) => path.resolve("docs", `screenshot-${name}.png`);
const NEED_WITH_MATCHES = "need-tinglan-magnetic-attitude";

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();

    await page.goto(`${base}/zh-CN`);
    await settle(page);
    await page.screenshot({ path: out("home") });

    await page.goto(`${base}/zh-CN/sign-in`);
    await page.getByLabel("电子邮箱", { exact: true }).fill("company@demo.techbridge.cn");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes("/sign-in"), { timeout: 30_000 });

    await page.goto(`${base}/zh-CN/needs/${NEED_WITH_MATCHES}`);
    await settle(page);
    // The whole page: the need, then its matching results and researchers.
    await page.screenshot({ path: out("need-matches"), fullPage: true });

    await page.goto(`${base}/zh-CN/needs/new`);
    await settle(page);
    // Typing shows the completeness score and the similar results found while typing.
    await page.locator("main input[type=text]").first().fill("低温环境下锂电池快充析锂的抑制方法");
    await page
      .locator("main textarea")
      .first()
      .fill("我们的动力电池在零下 10 度快充时容易析锂，容量衰减快。已尝试电解液添加剂，效果有限。希望找到低温快充不析锂的方案。");
    await page.waitForTimeout(1500); // the wizard's debounced autosave and suggestions (no event to wait for)
    await settle(page);
    await page.screenshot({ path: out("wizard") });
    console.log(`wrote ${["home", "need-matches", "wizard"].map(out).join(", ")}`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
