import { getCurrentActor } from "@/lib/auth/current-actor";
import { getBrokerMetrics } from "@/lib/broker/metrics";
import { metricsCsv } from "@/lib/broker/metrics-compute";
import { isAppError } from "@/lib/errors";
import { wordError } from "@/lib/errors-edge";
import { toLocale } from "@/i18n/locale";

// GET /<locale>/broker/metrics/export : the metrics as CSV for the signed-in broker or admin.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    const metrics = await getBrokerMetrics(actor);
    const csv = metricsCsv([
      ...metrics.brokers.map((m) => ({ scope: "broker" as const, metrics: m })),
      ...metrics.offices.map((m) => ({ scope: "office" as const, metrics: m })),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="techbridge-broker-metrics-${day}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(wordError(error, toLocale((await params).locale)), { status: error.status });
    throw error;
  }
}
