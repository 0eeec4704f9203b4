import { permanentRedirect } from "next/navigation";

// The visit log and the visit wizard are one page now (/visits); old links and bookmarks land there.
export default async function BrokerVisitsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  permanentRedirect(`/${locale}/visits`);
}
