// Runs in each integration test worker before every test file is imported:
//  - copies the services' env from tests/global-setup.ts, so modules that read process.env at
//    import time (lib/env) see it;
//  - gives the file its own database (a copy of the migrated template) and its own Meilisearch
//    index prefix, dropped after the file: files cannot see each other's rows or documents.
import { afterAll, inject } from "vitest";
import { cloneDatabase, dropDatabase } from "../scripts/services/embedded-postgres";
import { randomId } from "../scripts/services/util";

Object.assign(process.env, inject("testEnv"));

const { adminUrl, template } = inject("testDatabase");
const name = `${template}_${randomId(6)}`;
process.env.DATABASE_URL = await cloneDatabase(adminUrl, template, name);
process.env.MEILI_INDEX_PREFIX = `t${randomId(8)}_`;

afterAll(async () => {
  // FORCE: pools the test left open do not keep the database alive.
  await dropDatabase(adminUrl, name);
});
