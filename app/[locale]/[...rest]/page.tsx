import { notFound } from "next/navigation";

// Any URL under a locale that no page claims gets the localized not-found page (with the site
// header) instead of Next's bare English one.
export default function UnknownPage(): never {
  notFound();
}
