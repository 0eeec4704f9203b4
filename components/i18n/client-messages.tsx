import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives the client components inside it the message namespaces they use, and no others. Why: the
 * root layout's provider sends no messages; sending every namespace on every page was ~18 KB of
 * each page's RSC payload (~40 KB of HTML) and ~15% of its render time. The namespaces a client
 * component needs are checked against its `useTranslations` calls by i18n/client-messages.test.ts.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const all = await getMessages();
  const picked = Object.fromEntries(namespaces.map((ns) => [ns, all[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
