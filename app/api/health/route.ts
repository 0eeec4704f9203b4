import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// GET /api/health : load balancers and monitors. 200 when the database and Meilisearch answer,
// 503 otherwise; the JSON also carries the queue state (depth, oldest job age, dead letters) and
// the worker job slots running against those configured (for alerting; they do not make it 503).
export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
