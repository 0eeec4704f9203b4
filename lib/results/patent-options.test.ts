import { describe, expect, it } from "vitest";
import { decodePatents, encodePatents } from "./patent-options";
import { patentsSchema } from "./schemas";

describe("patent entries", () => {
  it("round-trips through the form's text encoding and parses with the shared schema", () => {
    const entries = [
      { number: "CN202310123456.7", type: "INVENTION", status: "GRANTED", jurisdiction: "CN" },
      { number: "US11223344B2", type: "INVENTION", status: "PENDING", jurisdiction: "US" },
      { number: "", type: "DESIGN", status: "PENDING", jurisdiction: "CN" },
    ];
    const text = encodePatents(entries);
    expect(decodePatents(text)).toEqual(entries.slice(0, 2));
    expect(patentsSchema.parse(text)).toEqual(entries.slice(0, 2));
  });

  it("reads what older forms and CSV files wrote", () => {
    expect(decodePatents("ZL2021|utility_model|granted|cn；")).toEqual([{ number: "ZL2021", type: "UTILITY_MODEL", status: "GRANTED", jurisdiction: "CN" }]);
  });
});
