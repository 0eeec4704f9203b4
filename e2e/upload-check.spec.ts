// Uploads are accepted by what their bytes are and by their size (lib/attachments/sniff.ts,
// called by addAttachment behind POST /api/attachments): a file whose name and declared type say
// PDF but whose bytes are HTML is refused with 415 and a localized field error, one larger than
// the limit with 413, and neither is stored; a real PDF is accepted.
import { expect, test } from "@playwright/test";
import { createApiTokenInUi, signUpAndConfirm, uniqueUser } from "./helpers/accounts";

test("a disguised or oversized upload is rejected through the route; a real PDF is stored", async ({ page, baseURL }) => {
  const owner = uniqueUser("upload");
  await signUpAndConfirm(page, owner, "COMPANY");
  const token = await createApiTokenInUi(page);
  const created = await page.request.post("/api/v1/needs", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      title: "上传检查测试需求",
      description: "用于验证附件按文件内容和大小检查的测试需求，描述足够长。",
      field: "新能源",
      visibility: "PUBLIC",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const needId = String((await created.json()).id);

  const upload = (name: string, mimeType: string, buffer: Buffer) =>
    page.request.post("/api/attachments?locale=zh-CN", { headers: { origin: baseURL! }, multipart: { needId, file: { name, mimeType, buffer } } });

  const disguised = await upload("报价单.pdf", "application/pdf", Buffer.from("<html><script>alert(1)</script></html>"));
  expect(disguised.status()).toBe(415);
  const body = await disguised.json();
  expect(body.error.fields.file[0]).toContain("按文件内容检查");

  const oversized = await upload("big.pdf", "application/pdf", Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]));
  expect(oversized.status()).toBe(413);

  const good = await upload("方案.pdf", "application/pdf", Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
  expect(good.status(), await good.text()).toBe(201);

  // Only the real PDF is listed on the need's page.
  await page.goto(`/zh-CN/needs/${needId}`);
  await expect(page.getByText("方案.pdf")).toBeVisible();
  await expect(page.getByText("报价单.pdf")).toHaveCount(0);
  await expect(page.getByText("big.pdf")).toHaveCount(0);
});
