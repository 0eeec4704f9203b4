import { describe, expect, it } from "vitest";
import { encodeGbk } from "@/tests/kits/gbk-bytes";
import { decodeText } from "./decode-text";
import { CsvSyntaxError, parseCsv } from "./read-csv";
import { toCsvFile, toCsvLine } from "./write-csv";

describe("parseCsv", () => {
  it("reads quoted cells with commas, quotes and line breaks, and numbers rows like a spreadsheet", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { row: 1, cells: ["a", "b", "c"] },
      { row: 2, cells: ["1", "x, y", 'say "hi"'] },
      { row: 3, cells: ["2", "two\nlines", "z"] },
      { row: 6, cells: ["3", "", ""] },
    ]);
  });
  it("counts rows across blank lines, CR line ends and CRLF inside quoted cells", () => {
    expect(parseCsv('a,b\r\n\r\n"m\r\nn\r\no",1\r\n\r\n\r\n1,2').map((r) => r.row)).toEqual([1, 3, 8]);
    expect(parseCsv("a,b\r1,2\r")).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["1", "2"] },
    ]);
  });
  it("reads a last line without a line break, and a quote inside an unquoted cell as a character", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["1", "2"] },
    ]);
    expect(parseCsv('a,b"c\n')[0]!.cells).toEqual(["a", 'b"c']);
  });
  it("reports an unclosed quote with its row", () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\n')).toThrow(expect.objectContaining({ row: 2 }));
  });
});

describe("writing CSV", () => {
  it("writes cells that survive a round trip and never run as formulas", () => {
    const line = toCsvLine(["a,b", 'q"', "=SUM(A1)", "中文", "-1+1", "@x"]);
    expect(line).toBe(`"a,b","q""",'=SUM(A1),中文,'-1+1,'@x`);
    expect(parseCsv(line)[0]!.cells).toEqual(["a,b", 'q"', "'=SUM(A1)", "中文", "'-1+1", "'@x"]);
  });
  it("writes numbers as they are, nothing for null, and quotes line breaks", () => {
    expect(toCsvLine([-3, 0.5, null, undefined, "two\nlines"])).toBe('-3,0.5,,,"two\nlines"');
  });
  it("writes a whole file with a BOM and CRLF line ends", () => {
    expect(
      toCsvFile([
        ["名称", "n"],
        ["甲", 1],
      ]),
    ).toBe("\uFEFF名称,n\r\n甲,1\r\n");
  });
});

describe("decodeText", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it("reads UTF-8 with or without a BOM", () => {
    expect(decodeText(utf8("\uFEFF名称,n"))).toEqual({ ok: true, text: "名称,n", encoding: "utf-8" });
    expect(decodeText(utf8("名称,n"))).toEqual({ ok: true, text: "名称,n", encoding: "utf-8" });
  });
  it("reads GBK (as GB18030) when the bytes are not UTF-8, instead of replacing them", () => {
    const bytes = encodeGbk("成果,导热界面材料\r\n");
    expect(decodeText(bytes)).toEqual({ ok: true, text: "成果,导热界面材料\r\n", encoding: "gb18030" });
  });
  it("reads UTF-16 by its BOM", () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x10, 0x62, 0x9c, 0x67]))).toEqual({ ok: true, text: "成果", encoding: "utf-16le" });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x62, 0x10, 0x67, 0x9c]))).toEqual({ ok: true, text: "成果", encoding: "utf-16be" });
  });
  it("refuses bytes that are valid in none of them", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff, 0xff]))).toEqual({ ok: false });
    expect(decodeText(Uint8Array.from([0x41, 0x80, 0x42, 0xff]))).toEqual({ ok: false });
  });
});
