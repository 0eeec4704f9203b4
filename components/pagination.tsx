import { Link } from "@/i18n/navigation";

export function Pagination({
  path,
  page,
  total,
  pageSize,
  query = {},
}: {
  path: string;
  page: number;
  total: number;
  pageSize: number;
  query?: Record<string, string>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => ({ pathname: path, query: { ...query, page: String(p) } });
  return (
    <nav aria-label="pagination" className="mt-6 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="rounded border px-3 py-1">
          ‹
        </Link>
      )}
      <span>
        {page} / {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className="rounded border px-3 py-1">
          ›
        </Link>
      )}
    </nav>
  );
}

export function pageParam(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
