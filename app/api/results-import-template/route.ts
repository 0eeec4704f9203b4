import { importTemplateCsv } from "@/lib/results/import/columns";
import { importTemplateXlsx } from "@/lib/results/import/xlsx";

// GET /api/results-import-template[?format=xlsx]: the bulk-import template, CSV by default
// (public: no data in it).
export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get("format") === "xlsx") {
    return new Response(new Uint8Array(await importTemplateXlsx()), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": 'attachment; filename="techbridge-results-template.xlsx"',
      },
    });
  }
  return new Response(importTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="techbridge-results-template.csv"',
    },
  });
}
