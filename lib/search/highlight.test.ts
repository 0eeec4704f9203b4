import { describe, expect, it } from "vitest";
import { compactSegments, toSegments, PRE, POST } from "./highlight";

describe("compactSegments", () => {
  it("gives the fallback when nothing is highlighted", () => {
    expect(compactSegments([], "a teaser")).toBe("a teaser");
  });

  it("alternates plain text and matches, starting with plain text", () => {
    expect(compactSegments(toSegments(`lithium ${PRE}battery${POST} pack`), "")).toEqual(["lithium ", "battery", " pack"]);
    expect(compactSegments(toSegments(`${PRE}电池${POST}管理`), "")).toEqual(["", "电池", "管理"]);
    expect(compactSegments(toSegments(`${PRE}a${POST}${PRE}b${POST}`), "")).toEqual(["", "a", "", "b"]);
    expect(
      compactSegments(
        [
          { text: "x", match: false },
          { text: "y", match: false },
        ],
        "",
      ),
    ).toEqual(["x", "", "y"]);
  });

  it("keeps every segment's text in order", () => {
    const segments = toSegments(`one ${PRE}two${POST} three ${PRE}four${POST}`);
    const compact = compactSegments(segments, "") as string[];
    expect(compact.filter((t) => t !== "")).toEqual(segments.map((s) => s.text));
    expect(compact.flatMap((t, i) => (i % 2 === 1 && t ? [t] : []))).toEqual(segments.filter((s) => s.match).map((s) => s.text));
  });
});
