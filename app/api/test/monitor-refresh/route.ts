import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { publishMetrics } from "@/lib/monitor/published-metrics";
import { refreshMonitorAggregates } from "@/lib/monitor/refresh-aggregates";

// Test-only: runs what the "refresh-monitor" and "publish-metrics" cron jobs run, so e2e tests
// see their data in the monitor without waiting for the schedule. Exists only when the server was
// started with TECHBRIDGE_TEST_HOOKS=1 (scripts/e2e-server.ts); everywhere else it is a 404.
export async function POST(): Promise<Response> {
  if (process.env.TECHBRIDGE_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const report = await refreshMonitorAggregates(prisma);
  const published = await publishMetrics(prisma);
  return NextResponse.json({ ...report, published });
}
