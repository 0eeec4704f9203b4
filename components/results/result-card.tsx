import { Link } from "@/i18n/navigation";
import type { ResultView } from "@/lib/results/present-result";
import { OrgName } from "@/components/orgs/org-name";

export function ResultCard({ result }: { result: ResultView }) {
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm">
      <Link href={`/results/${result.id}`} className="text-lg font-medium text-brand-700 hover:underline">
        {result.title}
      </Link>
      <p className="mt-1 text-sm text-slate-500">
        <OrgName name={result.organisation.name} verified={result.organisation.verified} /> · {result.field}
        {result.trl ? ` · TRL ${result.trl}` : ""}
      </p>
      <p className="mt-2 line-clamp-2 text-sm text-slate-700">{result.summary}</p>
    </li>
  );
}
