import { useTranslations } from "next-intl";

// An organisation's name as shown anywhere: an organisation a platform admin has not verified
// (registration code checked) carries a visible "unverified" mark, so nobody can pass for a
// known company or university by its name alone. Server component (translations from the request).
export function OrgName({ name, verified }: { name: string; verified: boolean }) {
  return (
    <>
      {name}
      {!verified && <UnverifiedMark />}
    </>
  );
}

/** The mark alone, for a name that is part of a translated sentence (an invitation's title). */
export function UnverifiedMark() {
  const t = useTranslations("orgs");
  return (
    <span
      className="ml-1 inline-block rounded border border-amber-300 bg-amber-50 px-1 text-xs font-normal text-amber-800"
      title={t("unverifiedHelp")}
      data-testid="org-unverified"
    >
      {t("unverified")}
    </span>
  );
}
