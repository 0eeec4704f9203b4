import { useTranslations } from "next-intl";
import { UnverifiedBadge } from "@/components/orgs/unverified-badge";

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
  return <UnverifiedBadge label={t("unverified")} help={t("unverifiedHelp")} />;
}
