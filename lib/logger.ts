import pino from "pino";

// Structured logs. Callers log ids and codes, never confidential text, tokens or mail bodies.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization"], censor: "[redacted]" },
});
