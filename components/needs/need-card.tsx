import { Link } from "@/i18n/navigation";
import type { NeedView } from "@/lib/needs/present-need";
import { OrgName } from "@/components/orgs/org-name";

export function NeedCard({ need, hiddenOrgLabel }: { need: NeedView; hiddenOrgLabel: string }) {
  const text = need.access === "full" ? need.description : need.teaser;
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm">
      <Link href={`/needs/${need.id}`} className="text-lg font-medium text-brand-700 hover:underline">
        {need.title}
      </Link>
      <p className="mt-1 text-sm text-slate-500">
        {need.organisation ? <OrgName name={need.organisation.name} verified={need.organisation.verified} /> : hiddenOrgLabel} · {need.field}
        {need.trlTarget ? ` · TRL ${need.trlTarget}` : ""}
      </p>
      {text && <p className="mt-2 line-clamp-2 text-sm text-slate-700">{text}</p>}
    </li>
  );
}
