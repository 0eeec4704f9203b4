"use client";
import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";

export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <Link href={search ? `${pathname}?${search}` : pathname} locale={other} className="rounded px-2 py-1 hover:bg-slate-100">
      {label}
    </Link>
  );
}
