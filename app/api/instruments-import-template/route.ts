import { instrumentImportTemplateCsv } from "@/lib/instruments/import";

// GET /api/instruments-import-template: the instrument bulk-import template as CSV (public: no data in it).
export async function GET() {
  return new Response(instrumentImportTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="techbridge-instruments-template.csv"',
    },
  });
}
