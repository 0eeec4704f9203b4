import { describe, expect, it } from "vitest";
import { checkAttachment, MAX_ATTACHMENT_BYTES, safeFileName, sniffContentType } from "./sniff";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
// A whole 1x1 PNG: signature, IHDR, IDAT, IEND.
const PNG_1X1 = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

describe("attachment checks", () => {
  it("recognises PDF and images by their content", async () => {
    expect(await sniffContentType(text("%PDF-1.7\n..."))).toBe("application/pdf");
    expect(await sniffContentType(PNG_1X1)).toBe("image/png");
    expect(await sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(await sniffContentType(text("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
    expect(await sniffContentType(text("GIF89a"))).toBe("image/gif");
  });
  it("rejects other content whatever its name claims", async () => {
    expect(await checkAttachment(text("<html><script>alert(1)</script>"))).toEqual({ ok: false, reason: "wrongType" });
    expect(await checkAttachment(text("MZ\u0090\u0000"))).toEqual({ ok: false, reason: "wrongType" }); // an .exe renamed .pdf
    expect(await checkAttachment(bytes(0x50, 0x4b, 0x03, 0x04))).toEqual({ ok: false, reason: "wrongType" }); // zip/docx
  });
  it("rejects empty and oversized files", async () => {
    expect(await checkAttachment(new Uint8Array())).toEqual({ ok: false, reason: "empty" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(text("%PDF-"));
    expect(await checkAttachment(big)).toEqual({ ok: false, reason: "tooLarge" });
    const max = new Uint8Array(MAX_ATTACHMENT_BYTES);
    max.set(text("%PDF-"));
    expect(await checkAttachment(max)).toEqual({ ok: true, contentType: "application/pdf" });
  });
  it("cleans file names", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('a"b<c>.pdf')).toBe("a_b_c_.pdf");
    expect(safeFileName("C:\\Users\\x\\方案.pdf")).toBe("方案.pdf");
  });
});
