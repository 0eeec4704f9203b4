import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

// `npm run test:faults`: fault-injection tests with real processes on loopback (PostgreSQL,
// Meilisearch, workers, `next start`). Each file starts and stops its own services; files run one
// at a time. Not part of the default unit/integration globs (*.fault.test.ts).
export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "tests/empty.ts") },
    ],
  },
  test: {
    name: "faults",
    environment: "node",
    include: ["tests/faults/**/*.fault.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
