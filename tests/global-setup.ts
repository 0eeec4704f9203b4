// Vitest global setup for the "integration" project: real services, torn down afterwards.
//  - a throwaway database on the PostgreSQL at TEST_PG_ADMIN_URL, migrated with deployMigrations;
//    tests/setup-env.ts gives every test file its own copy of it (CREATE DATABASE ... TEMPLATE) and
//    its own MEILI_INDEX_PREFIX, so files cannot see each other's rows or documents
//  - a real Meilisearch on a free port (temp dir, random master key)
//  - the in-process mail sink (SMTP_URL + MAIL_SINK_URL)
// The env is set on process.env here (inherited by workers forked afterwards) and provided as
// `testEnv`, which tests/setup-env.ts copies into each worker's process.env.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../scripts/db/engine";
import { createThrowawayDatabase, dropDatabasesLike } from "../scripts/services/embedded-postgres";
import { startMailSink } from "../scripts/services/mail-sink";
import { startMeilisearch } from "../scripts/services/meilisearch";
import { randomId, randomKey } from "../scripts/services/util";

export type TestEnv = {
  DATABASE_URL: string;
  MEILI_URL: string;
  MEILI_MASTER_KEY: string;
  MEILI_INDEX_PREFIX: string;
  NEXTAUTH_URL: string;
  NEXTAUTH_SECRET: string;
  SMTP_URL: string;
  MAIL_SINK_URL: string;
  MAIL_FROM: string;
  LOG_LEVEL: string;
};

export type TestDatabase = {
  /** Maintenance connection (CREATE/DROP DATABASE). */
  adminUrl: string;
  /** The migrated database each test file copies; per-file copies are named `<template>_<id>`. */
  template: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: TestEnv;
    testDatabase: TestDatabase;
  }
}

const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const cleanups: Array<() => Promise<void> | void> = [];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`[global-setup] teardown step failed: ${(err as Error).message}`);
      }
    }
  };

  try {
    const adminUrl = process.env.TEST_PG_ADMIN_URL || DEFAULT_ADMIN_URL;
    const db = await createThrowawayDatabase(adminUrl, "tb_test_").catch((err: Error) => {
      throw new Error(`Integration tests need a PostgreSQL server at TEST_PG_ADMIN_URL (${adminUrl}) where they may create databases: ${err.message}`);
    });
    cleanups.push(() => db.drop());
    // Per-file copies left behind by a crashed worker.
    cleanups.push(async () => void (await dropDatabasesLike(adminUrl, `${db.name}\\_%`)));
    await deployMigrations(db.databaseUrl);

    const meiliDir = mkdtempSync(path.join(os.tmpdir(), "tb-test-meili-"));
    cleanups.push(() => rmSync(meiliDir, { recursive: true, force: true }));
    const meili = await startMeilisearch({ dbPath: meiliDir, port: "free", masterKey: randomKey(24) });
    cleanups.push(() => meili.stop());

    const sink = await startMailSink();
    cleanups.push(() => sink.stop());

    const env: TestEnv = {
      DATABASE_URL: db.databaseUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: `t${randomId(8)}_`,
      NEXTAUTH_URL: "http://127.0.0.1:3999",
      NEXTAUTH_SECRET: randomKey(32),
      SMTP_URL: sink.smtpUrl,
      MAIL_SINK_URL: sink.url,
      MAIL_FROM: "TechBridge Test <noreply@techbridge.test>",
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    };
    Object.assign(process.env, env);
    project.provide("testEnv", env);
    project.provide("testDatabase", { adminUrl, template: db.name });
    console.log(`[global-setup] database ${db.name}, Meilisearch ${meili.url}, mail sink ${sink.url} ready in ${Math.round(performance.now() - started)} ms`);
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}
