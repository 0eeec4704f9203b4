import { describe, expect, it } from "vitest";
import { parseToolVersion, versionProblem } from "./pg-tools";

describe("pg tool versions", () => {
  it("reads the major version from --version output", () => {
    expect(parseToolVersion("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")).toEqual({ major: 15, version: "15.20" });
    expect(parseToolVersion("pg_restore (PostgreSQL) 18beta1")).toEqual({ major: 18, version: "18" });
    expect(parseToolVersion("something else")).toBeNull();
  });

  it("accepts a tool at least as new as the server and explains what to install otherwise", () => {
    const tool = { path: "/usr/bin/pg_dump", major: 15, version: "15.20" };
    expect(versionProblem(tool, 15)).toBeNull();
    expect(versionProblem(tool, 14)).toBeNull();
    const problem = versionProblem(tool, 18);
    expect(problem).toMatch(/pg_dump 15\.20 .* cannot work with this PostgreSQL 18 server/);
    expect(problem).toMatch(/postgresql-client-18/);
    expect(problem).toMatch(/PG_BIN/);
  });
});
