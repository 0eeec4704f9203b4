// The files of a challenge application or milestone (server component): names as the viewer may
// see them (neutral ones for experts under blind review), downloaded through /api/attachments/{id},
// which checks again who may read them.

export function ChallengeFiles({ files, empty }: { files: readonly { id: string; fileName: string; sizeBytes: number }[]; empty?: string }) {
  if (files.length === 0) return empty ? <p className="text-sm text-slate-500">{empty}</p> : null;
  return (
    <ul className="space-y-1 text-sm" data-testid="files">
      {files.map((f) => (
        <li key={f.id} className="break-all">
          <a href={`/api/attachments/${f.id}`} className="text-brand-700 underline" data-testid="file-link">
            {f.fileName}
          </a>
          <span className="ml-2 text-xs text-slate-500">{Math.max(1, Math.round(f.sizeBytes / 1024))} KB</span>
        </li>
      ))}
    </ul>
  );
}

/** A multi-file input for PDFs and images (checked again by content on the server). */
export function FileInput({ name, label, hint }: { name: string; label: string; hint?: string }) {
  return (
    <label className="block text-sm font-medium">
      {label}
      <input
        type="file"
        name={name}
        multiple
        accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
        className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-2"
      />
      {hint && <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span>}
    </label>
  );
}
