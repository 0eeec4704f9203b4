// The bundled Meilisearch starts whatever its master key looks like, and says why when it cannot.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyCaStoreEnv, startMeilisearch, type MeilisearchHandle } from "./meilisearch";

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

  it("gives Meilisearch an empty TLS trust store, and federated searches work with it", async () => {
    const meili = await started(startMeilisearch({ dbPath: tempDir(), port: "free", masterKey: "aValidMasterKey0123456789" }));
    const environ = new Map(
      readFileSync(`/proc/${meili.pid}/environ`, "utf8")
        .split("\0")
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)] as const),
    );
    if (process.env.SSL_CERT_FILE === undefined && process.env.SSL_CERT_DIR === undefined) {
      expect(statSync(environ.get("SSL_CERT_FILE")!).size).toBe(0);
      expect(readdirSync(environ.get("SSL_CERT_DIR")!)).toEqual([]);
    }
    const call = async (method: string, route: string, body?: unknown) => {
      const res = await fetch(`${meili.url}${route}`, {
        method,
        headers: { Authorization: `Bearer ${meili.masterKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${route}: ${res.status}`).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    const task = await call("POST", "/indexes/docs/documents", [
      { id: 1, title: "lithium battery" },
      { id: 2, title: "锂电池" },
    ]);
    for (let i = 0; i < 200; i++) {
      const t = await call("GET", `/tasks/${task.taskUid as number}`);
      if (t.status === "succeeded") break;
      expect(t.status).not.toBe("failed");
      await new Promise((r) => setTimeout(r, 50));
    }
    const answer = await call("POST", "/multi-search", {
      federation: { limit: 10 },
      queries: [
        { indexUid: "docs", q: "battery" },
        { indexUid: "docs", q: "锂电池" },
      ],
    });
    expect((answer.hits as { id: number }[]).map((h) => h.id).sort()).toEqual([1, 2]);
    expect(answer.estimatedTotalHits).toBe(2);
  });
});

describe("emptyCaStoreEnv", () => {
  it("points SSL_CERT_FILE and SSL_CERT_DIR at an empty file and directory", () => {
    const env = emptyCaStoreEnv(tempDir(), {});
    expect(statSync(env.SSL_CERT_FILE!).size).toBe(0);
    expect(readdirSync(env.SSL_CERT_DIR!)).toEqual([]);
  });

  it("leaves a trust store the caller set alone", () => {
    expect(emptyCaStoreEnv(tempDir(), { SSL_CERT_FILE: "/etc/ssl/certs/ca-certificates.crt" })).toEqual({});
    expect(emptyCaStoreEnv(tempDir(), { SSL_CERT_DIR: "/etc/ssl/certs" })).toEqual({});
  });
});
