import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkUpload } from "./check-upload";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

describe("checkUpload", () => {
  it("accepts a real PDF and PNG and takes the type from the bytes", () => {
    expect(checkUpload("方案.pdf", pdf)).toEqual({ fileName: "方案.pdf", contentType: "application/pdf", sizeBytes: pdf.byteLength });
    expect(checkUpload("chart.PNG", png).contentType).toBe("image/png");
  });

  it("rejects an HTML page renamed to .pdf (magic bytes do not match)", () => {
    const e = rejection(() => checkUpload("report.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>")));
    expect(e.status).toBe(422);
    expect(e.fields?.file).toEqual(["content does not match the file type"]);
  });

  it("rejects executables and unknown extensions", () => {
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    expect(rejection(() => checkUpload("tool.exe", elf)).fields?.file).toEqual(["type not allowed"]);
    expect(rejection(() => checkUpload("noext", pdf)).status).toBe(422);
  });

  it("rejects files over the size limit with 413 and empty files with 422", () => {
    const big = new Uint8Array(2048);
    big.set(pdf);
    expect(rejection(() => checkUpload("big.pdf", big, 1024)).status).toBe(413);
    expect(rejection(() => checkUpload("empty.pdf", new Uint8Array())).status).toBe(422);
  });

  it("does not accept a bare ZIP as a Word document", () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74]);
    expect(rejection(() => checkUpload("spec.docx", zip)).status).toBe(422);
  });
});
