"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

type Item = { id: string; fileName: string; sizeBytes?: number };

// Upload to /api/attachments for a need or a result (checked by content and size on the server;
// the limit is in the error). With no target yet (an unsaved draft) it says when uploads open.
export function AttachmentsBox({
  locale,
  target,
  initial,
  maxMb,
}: {
  locale: string;
  target: { needId: string } | { resultId: string } | null;
  initial: Item[];
  maxMb: number;
}) {
  const t = useTranslations("wizard");
  const [items, setItems] = useState<Item[]>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!target) return <p className="mb-5 text-sm text-slate-500">{t("attachmentsAfterSave")}</p>;
  async function upload(file: File) {
    setBusy(true);
    setMessage(null);
    const body = new FormData();
    if ("needId" in target!) body.set("needId", target.needId);
    else body.set("resultId", target!.resultId);
    body.set("file", file);
    const res = await fetch(`/api/attachments?locale=${encodeURIComponent(locale)}`, { method: "POST", body });
    const json = (await res.json().catch(() => ({}))) as { id?: string; error?: { message: string } };
    setBusy(false);
    if (res.ok && json.id) {
      setItems((xs) => [...xs, { id: json.id!, fileName: file.name }]);
      setMessage({ ok: true, text: t("uploaded", { name: file.name }) });
    } else setMessage({ ok: false, text: json.error?.message ?? String(res.status) });
  }
  async function remove(id: string) {
    const res = await fetch(`/api/attachments/${id}`, { method: "DELETE" });
    if (res.ok) setItems((xs) => xs.filter((x) => x.id !== id));
  }
  return (
    <div className="mb-5">
      <label htmlFor="attachment" className="block font-medium">
        {t("q.attachments")}
      </label>
      <input
        id="attachment"
        type="file"
        accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
        disabled={busy}
        aria-describedby="attachment-hint"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = "";
        }}
        className="mt-1 block"
      />
      <p id="attachment-hint" className="mt-1 text-xs text-slate-500">
        {t("uploadHint", { mb: maxMb })}
      </p>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-600"}>
          {message.text}
        </p>
      )}
      <ul className="mt-2 space-y-1 text-sm" data-testid="attachments">
        {items.map((a) => (
          <li key={a.id}>
            <a href={`/api/attachments/${a.id}`} className="text-brand-700 hover:underline">
              {a.fileName}
            </a>{" "}
            <button type="button" onClick={() => void remove(a.id)} className="text-red-600">
              {t("deleteAttachment")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
