// The bundled Meilisearch starts whatever its master key looks like, and says why when it cannot.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startMeilisearch, type MeilisearchHandle } from "./meilisearch";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tb-meili-test-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
async function started(handle: Promise<MeilisearchHandle>): Promise<MeilisearchHandle> {
  const h = await handle;
  cleanups.push(() => h.stop());
  return h;
}
const keysStatus = async (h: MeilisearchHandle, key: string) => (await fetch(`${h.url}/keys`, { headers: { Authorization: `Bearer ${key}` } })).status;

describe("startMeilisearch", () => {
  it("starts with a master key that begins with '-' (once read as an option: exit code 2)", async () => {
    const masterKey = "-k3yThatLooksLikeAFlag0123456789";
    const meili = await started(startMeilisearch({ dbPath: tempDir(), port: "free", masterKey }));
    expect(await keysStatus(meili, masterKey)).toBe(200);
    expect(await keysStatus(meili, "wrong-key-0123456789")).toBe(403);
  });

  it("replaces a stored master key beginning with '-' (left by an earlier version) and starts", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "meili-master-key"), "-storedByAnOlderVersion012345678\n", { mode: 0o600 });
    const meili = await started(startMeilisearch({ dbPath: path.join(root, "meilisearch"), port: "free" }));
    expect(meili.masterKey).not.toMatch(/^-/);
    expect(readFileSync(path.join(root, "meili-master-key"), "utf8").trim()).toBe(meili.masterKey);
    expect(await keysStatus(meili, meili.masterKey)).toBe(200);
  });

  it("quotes Meilisearch's own error output when it exits during start", async () => {
    const dbPath = tempDir();
    mkdirSync(dbPath, { recursive: true });
    writeFileSync(path.join(dbPath, "data.ms"), "not a directory"); // its database must be a directory
    const error = await startMeilisearch({ dbPath, port: "free", masterKey: "aValidMasterKey0123456789" }).then(
      (h) => {
        cleanups.push(() => h.stop());
        return undefined;
      },
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/meilisearch exited \(code \d+\)/);
    expect(error?.message).toContain("Not a directory");
  });
});
