import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline, the CLI would try to download the native schema engine before every command.
// The stub lets generate/validate/format run; migrations use scripts/db.ts instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/techbridge" },
});
