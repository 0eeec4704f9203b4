import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// `@/x` -> <root>/x (like tsconfig paths); `server-only` -> an empty module.
const alias = [
  { find: /^@\//, replacement: `${root}/` },
  { find: /^server-only$/, replacement: path.join(root, "tests/empty.ts") },
];
const exclude = ["**/node_modules/**", "**/.next/**", "**/.data/**", "e2e/**", "lib/generated/**", "test-results/**", "playwright-report/**"];

export default defineConfig({
  test: {
    // Global teardown stops Meilisearch and drops the throwaway database.
    teardownTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // The first test of a file that segments text loads jieba's dictionary and the CC-CEDICT
          // table (~2-4 s on a loaded 2-core machine): well within this, never near it.
          testTimeout: 20_000,
          include: ["**/*.test.ts"],
          // *.fault.test.ts run under their own config (npm run test:faults).
          exclude: [...exclude, "**/*.int.test.ts", "**/*.fault.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude: [...exclude, "**/*.fault.test.ts"],
          // Files run one at a time. Each has its own database copy and index prefix
          // (tests/setup-env.ts), but they share the Meilisearch process, the mail sink and the
          // machine's two cores, and timing-sensitive tests (killed senders, heartbeats, index
          // swaps) failed when two ran side by side (2026-12-06). INTEGRATION_WORKERS=2 runs two.
          fileParallelism: Number(process.env.INTEGRATION_WORKERS) > 1,
          maxWorkers: Number(process.env.INTEGRATION_WORKERS) || 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Starts PostgreSQL database + Meilisearch + mail sink, provides their env (tests/global-setup.ts).
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/setup-env.ts"],
        },
      },
    ],
  },
});
