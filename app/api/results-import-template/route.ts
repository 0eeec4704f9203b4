import { importTemplateCsv } from "@/lib/results/import/columns";

// GET /api/results-import-template: the CSV template for bulk import (public: no data in it).
export function GET() {
  return new Response(importTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="techbridge-results-template.csv"',
    },
  });
}
