"use client";
import { useEffect, useRef } from "react";
import { Menu } from "lucide-react";
import { usePathname } from "@/i18n/navigation";

// The site header's links. On phones they sit behind a menu button (a <details> drawer that
// closes again after each navigation); from md up they are one row and the button is hidden
// (::details-content is always shown there).
export function MobileMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return (
    <details ref={ref} className="md:flex-1 md:[&::details-content]:block md:[&::details-content]:[content-visibility:visible]" data-testid="site-menu">
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded px-2 py-1 text-slate-700 hover:bg-slate-100 md:hidden [&::-webkit-details-marker]:hidden"
        data-testid="menu-button"
      >
        <Menu aria-hidden className="h-5 w-5" />
        <span>{label}</span>
      </summary>
      <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 py-3 shadow-md md:static md:border-0 md:p-0 md:shadow-none">
        {children}
      </div>
    </details>
  );
}
