// The "unverified" mark next to an organisation's name, from words the caller already has: used by
// the server's OrgName and by the compact client lists (hits, matches, researchers), which get
// their words as props.
export function UnverifiedBadge({ label, help }: { label: string; help: string }) {
  return (
    <span
      className="ml-1 inline-block rounded border border-amber-300 bg-amber-50 px-1 text-xs font-normal text-amber-800"
      title={help}
      data-testid="org-unverified"
    >
      {label}
    </span>
  );
}
