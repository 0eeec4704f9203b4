import { templateXlsx } from "@/lib/import/xlsx";
import { NEED_IMPORT_EXAMPLE, needImportColumns, needImportTemplateCsv } from "@/lib/needs/import/columns";

// GET /api/needs-import-template[?for=broker][&format=xlsx]: the needs import template (a broker's
// has a company column), CSV by default (public: no data in it).
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const importer = params.get("for") === "broker" ? "broker" : "company";
  if (params.get("format") === "xlsx") {
    const xlsx = await templateXlsx(needImportColumns(importer), NEED_IMPORT_EXAMPLE, "needs", ["description", "triedSoFar", "desiredOutcome"]);
    return new Response(new Uint8Array(xlsx), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": 'attachment; filename="techbridge-needs-template.xlsx"',
      },
    });
  }
  return new Response(needImportTemplateCsv(importer), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="techbridge-needs-template.csv"' },
  });
}
