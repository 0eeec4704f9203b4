// Runs in each integration test worker before the test file is imported: copies the services'
// env from tests/global-setup.ts, so modules that read process.env at import time (lib/env) see it.
import { inject } from "vitest";

Object.assign(process.env, inject("testEnv"));
