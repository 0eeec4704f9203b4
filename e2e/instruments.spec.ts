// Issue 17's "done means": an institution lists an instrument in the UI and imports 20 more from a
// spreadsheet; a company finds it by plain words ("测材料的晶体结构"), books a slot; an overlapping
// booking is refused with a clear message; the manager approves and records use and fee; the
// external sharing rate of the institution's region changes accordingly.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";

const HOUR = 3_600_000;
/** A weekday at least `days` ahead, `hour`:00 China time, as a datetime-local value and an instant. */
function weekdaySlot(days: number, hour: number): { local: string; at: Date } {
  let t = Date.now() + days * 86_400_000;
  for (;;) {
    const dow = new Date(t + 8 * HOUR).getUTCDay();
    if (dow !== 0 && dow !== 6) break;
    t += 86_400_000;
  }
  const date = new Date(t + 8 * HOUR).toISOString().slice(0, 10);
  const local = `${date}T${String(hour).padStart(2, "0")}:00`;
  return { local, at: new Date(`${local}:00+08:00`) };
}

async function shot(page: Page, name: string) {
  for (const [w, h] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/instruments/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("list, import, find by plain words, book, approve, record use; overlaps refused; sharing rate moves", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const region = `测试区${stamp}`;
  const name = `X射线衍射仪 ${stamp}`;

  // The institution lists an instrument in the UI.
  const instContext = await browser.newContext();
  const inst = await instContext.newPage();
  await signUpAndConfirm(inst, uniqueUser("inst"), "RESEARCHER");
  const token = await createApiTokenInUi(inst);
  const auth = { authorization: `Bearer ${token}`, "accept-language": "zh-CN" };
  await inst.goto("/zh-CN/instruments/new");
  await inst.getByLabel("仪器名称", { exact: true }).fill(name);
  await inst.getByLabel("英文名称").fill("X-ray diffractometer");
  await inst.getByLabel("仪器分类").selectOption("0103");
  await inst.getByLabel("生产厂家").fill("Bruker");
  await inst.getByLabel("型号").fill("D8 Advance");
  await inst.getByLabel("地区").fill(region);
  await inst.getByLabel("送样测试（机组人员操作）").check();
  await inst.getByLabel("校内价").fill("100");
  await inst.getByLabel("对外价").fill("300");
  await inst.getByRole("button", { name: "保存" }).click();
  await expect(inst.getByTestId("instrument-name")).toHaveText(name, { timeout: 30_000 });
  const instrumentId = inst.url().split("/").pop()!;

  // ...with a photo (checked by its bytes and re-encoded; a PDF is refused on the field).
  await inst.locator("#photos-photos").setInputFiles({ name: "spec.pdf", mimeType: "image/png", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await inst.getByRole("button", { name: "上传照片" }).click();
  await expect(inst.getByTestId("photos").getByRole("alert").first()).toContainText("仅支持图片");
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 70, g: 110, b: 160 } } })
    .jpeg()
    .toBuffer();
  await inst.locator("#photos-photos").setInputFiles({ name: "xrd.jpg", mimeType: "image/jpeg", buffer: photo });
  await inst.getByRole("button", { name: "上传照片" }).click();
  await expect(inst.getByTestId("instrument-photos").locator("img")).toHaveCount(1, { timeout: 30_000 });

  // ...and imports 20 more from a spreadsheet (CSV), with the row report.
  const header = "externalId,name,categoryCode,model,region,services,priceUnit,priceInternal,priceExternal";
  const rows = Array.from(
    { length: 20 },
    (_, i) => `E2E-${stamp}-${i + 1},激光粒度分析仪 ${stamp}-${i + 1},颗粒度测量仪器,MS3000,${region},送样,SAMPLE,50,120`,
  );
  await inst.goto("/zh-CN/instruments/import");
  await inst
    .locator('input[name="file"]')
    .setInputFiles({ name: "instruments.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\r\n")) });
  await inst.getByRole("button", { name: "导入无误的行" }).click();
  await expect(inst.getByTestId("import-report")).toContainText("新增 20 台", { timeout: 30_000 });

  // The sharing rate of the region before any booking: nothing used yet.
  const rateUrl = `/api/v1/instruments/sharing-rates?groupBy=region&to=${encodeURIComponent(new Date(Date.now() + 60 * 86_400_000).toISOString())}`;
  const rateOfRegion = async () => {
    const res = await request.get(rateUrl, { headers: auth });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { groups: { key: string; instruments: number; externalSharingRate: number | null; hoursUsedExternal: number }[] };
    return body.groups.find((g) => g.key === region);
  };
  expect(await rateOfRegion()).toMatchObject({ instruments: 21, externalSharingRate: null });

  // A company finds it by what it wants to measure, in plain words.
  const companyContext = await browser.newContext();
  const company = await companyContext.newPage();
  await signUpAndConfirm(company, uniqueUser("company"), "COMPANY");
  await expect
    .poll(
      async () => {
        await company.goto(`/zh-CN/instruments?q=${encodeURIComponent("测材料的晶体结构")}&region=${encodeURIComponent(region)}`);
        return (
          (await company
            .getByTestId("instrument-list")
            .textContent()
            .catch(() => "")) ?? ""
        );
      },
      { timeout: 60_000 },
    )
    .toContain(name);
  await company.getByRole("link", { name }).click();
  await expect(company.getByTestId("instrument-name")).toHaveText(name);

  // ...and books a slot.
  const slot = weekdaySlot(3, 10);
  const end = weekdaySlot(3, 12);
  await company.locator("#book-startsAt").fill(slot.local);
  await company.locator("#book-endsAt").fill(end.local);
  await company.locator("#book-purpose").fill(`测粉末样品的物相 ${stamp}`);
  await company.getByRole("button", { name: "提交预约" }).click();
  await expect(company.getByTestId("book").getByRole("status")).toContainText("预约已提交");
  await shot(company, "detail-zh");

  // An overlapping booking (through the API, by a member of the institution) is refused clearly.
  const overlap = await request.post(`/api/v1/instruments/${instrumentId}/bookings`, {
    headers: auth,
    data: { startsAt: new Date(slot.at.getTime() + HOUR).toISOString(), endsAt: new Date(slot.at.getTime() + 2 * HOUR).toISOString(), purpose: "重叠的预约" },
  });
  expect(overlap.status()).toBe(409);
  expect(((await overlap.json()) as { error: { message: string } }).error.message).toContain("该时段已被其他预约占用");

  // The manager approves, then records the hours used and the fee.
  await inst.goto("/zh-CN/instruments/manage");
  const card = inst.getByTestId("booking").filter({ hasText: `测粉末样品的物相 ${stamp}` });
  await card.getByRole("button", { name: "批准" }).click();
  await expect(card.getByRole("button", { name: "确认完成并记录" })).toBeVisible({ timeout: 30_000 });
  await card.getByLabel("费用（元）").fill("600");
  await card
    .locator('[data-testid^="record-"] input[name="report"]')
    .setInputFiles({ name: `XRD-report-${stamp}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% report\n%%EOF\n") });
  await card.getByRole("button", { name: "确认完成并记录" }).click();
  await expect(inst.getByTestId("booking").filter({ hasText: `测粉末样品的物相 ${stamp}` })).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  await shot(inst, "manage-zh");

  // The external sharing rate of the region moved: 2 external hours of 2 used.
  expect(await rateOfRegion()).toMatchObject({ externalSharingRate: 1, hoursUsedExternal: 2 });

  // The company sees the completed booking and may rate it.
  await company.goto("/zh-CN/instruments/bookings");
  await expect(company.getByTestId("booking").first()).toHaveAttribute("data-status", "COMPLETED");
  // ...with the test report the manager attached, which it downloads.
  await expect(company.getByTestId("booking-report").first()).toContainText(`XRD-report-${stamp}.pdf`);
  const download = await company.request.get((await company.getByTestId("booking-report").first().getByRole("link").getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).toString()).toContain("% report");
  await shot(company, "bookings-zh");
  await company.goto("/en/instruments/bookings");
  await shot(company, "bookings-en");
  for (const locale of ["zh-CN", "en"]) {
    await company.goto(`/${locale}/instruments?q=${encodeURIComponent(locale === "en" ? "crystal structure of a material" : "测材料的晶体结构")}`);
    await shot(company, `search-${locale}`);
    await company.goto(`/${locale}/instruments/${instrumentId}`);
    await shot(company, `detail-${locale}`);
    await inst.goto(`/${locale}/instruments/metrics`);
    await shot(inst, `metrics-${locale}`);
    await inst.goto(`/${locale}/instruments/new`);
    await shot(inst, `new-${locale}`);
  }
  await inst.goto("/en/instruments/manage");
  await shot(inst, "manage-en");
  // The institution counts the company as a partner (suggested: it booked an instrument).
  await inst.goto("/zh-CN/instruments/partners");
  await inst.getByTestId("partner-suggestions").getByRole("button", { name: "添加" }).first().click();
  await expect(inst.getByTestId("partners")).toBeVisible({ timeout: 30_000 });
  await shot(inst, "partners-zh");
  await inst.goto("/en/instruments/partners");
  await shot(inst, "partners-en");
  await inst.goto(`/en/instruments/${instrumentId}/edit`);
  await shot(inst, "edit-en");
  await instContext.close();
  await companyContext.close();
});
