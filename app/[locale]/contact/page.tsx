import { InfoPage, infoPageMetadata } from "@/components/public/info-page";

type Props = { params: Promise<{ locale: string }> };
export const generateMetadata = ({ params }: Props) => infoPageMetadata("contact", params);
export default function Page({ params }: Props) {
  return <InfoPage page="contact" params={params} />;
}
