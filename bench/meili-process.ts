// The Meilisearch process serving a URL (found by its --http-addr port in /proc), so benchmarks can
// read its CPU time, and a POST to its HTTP API: shared by bench:load, bench/search-shape.ts and bench/engine-probe.ts.
import { readdirSync, readFileSync } from "node:fs";

/** The pid of the `meilisearch` process listening on `url`'s port, if one runs on this machine. */
export function findMeiliPid(url: string): number | undefined {
  const port = new URL(url).port;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (cmd[0]?.endsWith("meilisearch") && cmd.some((a) => a.endsWith(`:${port}`))) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** As findMeiliPid, for scripts that cannot measure without it. */
export function requireMeiliPid(url: string): number {
  const pid = findMeiliPid(url);
  if (pid === undefined) throw new Error(`no meilisearch process serving ${url}`);
  return pid;
}

/** POSTs `body` to MEILI_URL + `path` with the master key; throws with the answer on a non-2xx. */
export async function meiliPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${process.env.MEILI_URL}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.MEILI_MASTER_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
