import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv, toCsvLine } from "./csv";

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
  it("reads a last line without a line break", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([{ row: 1, cells: ["a", "b"] }, { row: 2, cells: ["1", "2"] }]);
  });
  it("reports an unclosed quote with its row", () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
  });
  it("writes cells that survive a round trip and never run as formulas", () => {
    const line = toCsvLine(["a,b", 'q"', "=SUM(A1)", "中文"]);
    expect(line).toBe('"a,b","q""",\'=SUM(A1),中文');
    expect(parseCsv(line)[0]!.cells).toEqual(["a,b", 'q"', "'=SUM(A1)", "中文"]);
  });
});
