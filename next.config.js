import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Headers on every response; pages also get a nonce-based Content-Security-Policy from proxy.ts.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // HSTS only in production builds: a development server on http://localhost must stay reachable.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/jieba", "@node-rs/argon2", "graphile-worker", "pg", "pino", "ioredis", "rate-limiter-flexible", "pdfkit"],
  poweredByHeader: false,
  // proxy.ts sees the URL the server compares its rewrites with (next start -H <address>), not
  // "localhost": otherwise its rewrite to the page cache is proxied over HTTP to itself. The app
  // has no pages-router data URLs, basePath or config i18n for the normalisation to undo.
  skipProxyUrlNormalize: true,
  // Bulk import sends a CSV (up to 25 MB, lib/results/import/columns.ts) through a server action.
  experimental: { serverActions: { bodySizeLimit: "26mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON answers never render: nothing may load or frame them. Not /api/page-cache: it serves
      // the cached anonymous pages (proxy.ts rewrites them there) with each response's own page CSP.
      { source: "/api/:path((?!page-cache$).*)", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
