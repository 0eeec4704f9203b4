// What the e2e server's app and worker printed (scripts/e2e-server.ts appends their output to
// E2E_SERVER_LOG, which playwright.config.ts sets for the server and the test workers).
import { existsSync, readFileSync } from "node:fs";

export function serverLogPath(): string {
  const file = process.env.E2E_SERVER_LOG;
  if (!file) throw new Error("E2E_SERVER_LOG is not set (playwright.config.ts sets it)");
  return file;
}

/** The server's output so far ("" when nothing was printed yet). */
export function readServerLog(): string {
  const file = serverLogPath();
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

export type ServerInfo = { meiliUrl: string; meiliMasterKey: string };

/** This run's throwaway Meilisearch and its master key (written by scripts/e2e-server.ts). */
export function readServerInfo(): ServerInfo {
  const file = process.env.E2E_SERVER_INFO;
  if (!file) throw new Error("E2E_SERVER_INFO is not set (playwright.config.ts sets it)");
  if (!existsSync(file)) throw new Error(`${file} is missing: was the e2e server started by this playwright.config.ts?`);
  return JSON.parse(readFileSync(file, "utf8")) as ServerInfo;
}
