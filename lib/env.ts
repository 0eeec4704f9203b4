import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { parseProxyTrust, ProxyTrustError } from "./http/proxy-trust";

// Validated once when the server (or a script) starts: a missing or malformed variable stops
// start-up with a message that names it. `next build` skips validation because production
// secrets are not present at build time.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

// TRUSTED_PROXY_HOPS / TRUSTED_PROXIES (lib/http/proxy-trust.ts): checked by the parser the app
// uses, each variable reporting its own problem (and "not both" on TRUSTED_PROXIES).
const proxyTrustSetting = (variable: "TRUSTED_PROXY_HOPS" | "TRUSTED_PROXIES") =>
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const vars =
        variable === "TRUSTED_PROXIES" ? { TRUSTED_PROXIES: value, TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS } : { TRUSTED_PROXY_HOPS: value };
      try {
        parseProxyTrust(vars);
      } catch (err) {
        if (!(err instanceof ProxyTrustError)) throw err;
        if (err.variable === variable) ctx.addIssue({ code: "custom", message: err.reason });
      }
    });

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    MEILI_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL of a Meilisearch server" }),
    MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters"),
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, "may hold only a-z, 0-9 and _")
      .default("tb_"),
    NEXTAUTH_URL: z.url({ error: "must be the public URL of the app, e.g. https://techbridge.example.cn" }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }),
    MAIL_FROM: z.string().min(3).default("TechBridge <noreply@techbridge.local>"),
    // Only in dev and tests: where the local mail sink serves what it caught (admin outbox page).
    MAIL_SINK_URL: z.url().optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    // Seconds-fresh search answers: 0 turns the per-process search cache off (lib/search/cached-search.ts).
    SEARCH_CACHE_TTL_MS: z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(0, "must be 0 (off) or more")
      .optional(),
    // Proxies whose X-Forwarded-For is believed; neither set: the socket address (lib/http/client-ip.ts).
    TRUSTED_PROXY_HOPS: proxyTrustSetting("TRUSTED_PROXY_HOPS"),
    TRUSTED_PROXIES: proxyTrustSetting("TRUSTED_PROXIES"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: isBuild || process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  - ${i.path?.map(String).join(".")}: ${i.message}`);
    const message = `Invalid environment variables:\n${lines.join("\n")}\nSee README.md, "Configuration".`;
    console.error(message);
    throw new Error(message);
  },
});
