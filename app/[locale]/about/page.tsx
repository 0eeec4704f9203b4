import { InfoPage, infoPageMetadata } from "@/components/public/info-page";

type Props = { params: Promise<{ locale: string }> };
export const generateMetadata = ({ params }: Props) => infoPageMetadata("about", params);
export default function Page({ params }: Props) {
  return <InfoPage page="about" params={params} />;
}
