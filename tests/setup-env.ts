// Runs in each integration test worker before every test file is imported:
//  - marks the process as the web server's preload does (requests carry their socket address);
//  - copies the services' env from tests/global-setup.ts, so modules that read process.env at
//    import time (lib/env) see it;
//  - gives the file its own database (a copy of the migrated template) and its own Meilisearch
//    index prefix, dropped after the file: files cannot see each other's rows or documents.
import { afterAll, inject } from "vitest";
import { cloneDatabase, dropDatabase } from "../scripts/services/embedded-postgres";
import { randomId } from "../scripts/services/util";

Object.assign(process.env, inject("testEnv"));
// Route handlers run as under `npm start`, whose preload stamps each request with its socket
// address: tests give that address with apiRequest's `ip` (lib/http/client-ip.ts).
(await import("../lib/http/client-ip")).markPeerAddressStamped();

const { adminUrl, template } = inject("testDatabase");
const name = `${template}_${randomId(6)}`;
process.env.DATABASE_URL = await cloneDatabase(adminUrl, template, name);
process.env.MEILI_INDEX_PREFIX = `t${randomId(8)}_`;

afterAll(async () => {
  // FORCE: pools the test left open do not keep the database alive.
  await dropDatabase(adminUrl, name);
});
