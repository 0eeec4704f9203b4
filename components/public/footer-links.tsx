"use client";
import { Link } from "@/i18n/navigation";

/**
 * A footer list of links, as one client component fed [href, label] pairs (issue 18: each link as
 * its own client component was serialised with its props into every page's RSC payload).
 */
export function FooterLinks({ links }: { links: [href: string, label: string][] }) {
  return (
    <ul className="space-y-1">
      {links.map(([href, label]) => (
        <li key={href}>
          <Link href={href} className="hover:text-brand-700 hover:underline">
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
