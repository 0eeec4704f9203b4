import "server-only";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import writeXlsxFile from "write-excel-file/node";
import type { Locale } from "@/i18n/routing";
import type { KeyListView } from "./key-project-list";

// Exports of a key project list (重点项目清单). XLSX with write-excel-file (already used by the
// results import template); PDF with pdfkit, embedding Noto Sans SC (SIL Open Font License) from
// the npm package @expo-google-fonts/noto-sans-sc: a real TTF, available offline, which pdfkit
// subsets to the characters used, so a list is a few tens of KB. The words (column headings,
// labels) are chosen by the caller in the reader's language.

export type KeyListWords = {
  chain: string;
  node: string;
  scoreAtAdd: string;
  scoreNow: string;
  annotation: string;
  needs: string;
  exportedAt: string;
  challengeDraft: string;
};

const nodeName = (i: KeyListView["items"][number], locale: Locale) => (locale === "en" ? i.node.nameEn : i.node.nameZh);
const chainName = (i: KeyListView["items"][number], locale: Locale) => (locale === "en" ? i.node.chainNameEn : i.node.chainNameZh);

export async function keyListXlsx(list: KeyListView, words: KeyListWords, locale: Locale): Promise<Buffer> {
  const header = [words.chain, words.node, words.scoreAtAdd, words.scoreNow, words.annotation, words.needs, words.challengeDraft].map((value) => ({
    value,
    fontWeight: "bold" as const,
  }));
  const rows = list.items.map((i) => [
    { value: chainName(i, locale) },
    { value: nodeName(i, locale) },
    { value: i.scoreAtAdd, type: Number },
    { value: i.scoreNow, type: Number },
    { value: i.annotation ?? "" },
    { value: i.needs.map((n) => n.title).join("\n"), wrap: true },
    { value: i.challengeDraftId ?? "" },
  ]);
  return writeXlsxFile([header, ...rows], {
    sheet: "list",
    columns: [{ width: 18 }, { width: 22 }, { width: 12 }, { width: 12 }, { width: 40 }, { width: 60 }, { width: 20 }],
    stickyRowsCount: 1,
  }).toBuffer();
}

// Resolved at run time from node_modules (not bundled: the bundler must not try to load a .ttf).
const FONT = ["@expo-google-fonts", "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"].join("/");
let fontPath: string | null = null;
function cjkFont(): string {
  fontPath ??= createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ FONT);
  return fontPath;
}

export async function keyListPdf(list: KeyListView, words: KeyListWords, locale: Locale, now = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: list.title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", cjkFont());
  doc.font("cjk");
  doc.fontSize(18).text(list.title);
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor("#555")
    .text(`${words.exportedAt}: ${now.toISOString().slice(0, 10)}`);
  if (list.note) doc.moveDown(0.5).fontSize(10).fillColor("#222").text(list.note);
  list.items.forEach((i, n) => {
    doc
      .moveDown(1)
      .fillColor("#000")
      .fontSize(13)
      .text(`${n + 1}. ${chainName(i, locale)} · ${nodeName(i, locale)}`);
    doc.fontSize(9).fillColor("#444").text(`${words.scoreAtAdd} ${i.scoreAtAdd} · ${words.scoreNow} ${i.scoreNow}`);
    if (i.annotation) doc.moveDown(0.2).fontSize(10).fillColor("#111").text(`${words.annotation}: ${i.annotation}`);
    if (i.needs.length) {
      doc.moveDown(0.2).fontSize(10).fillColor("#111").text(`${words.needs}:`);
      for (const need of i.needs) doc.fontSize(10).text(`• ${need.title}`, { indent: 12 });
    }
    if (i.challengeDraftId) doc.fontSize(9).fillColor("#444").text(`${words.challengeDraft}: ${i.challengeDraftId}`);
  });
  doc.end();
  return done;
}
