import { getTranslations } from "next-intl/server";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import type { InstrumentView } from "@/lib/instruments/instruments";
import { MAX_PHOTOS_PER_INSTRUMENT as MAX_PHOTOS } from "@/lib/instruments/schemas";
import { InlineActionForm } from "./action-form";
import { addPhotosAction, deletePhotoAction } from "@/app/[locale]/instruments/actions";

const PHOTO_ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

/**
 * An instrument's photos (re-encoded WebP served by /api/instrument-photos/{id}); its managers
 * also get the upload form and a remove button per photo.
 */
export async function InstrumentPhotos({ instrument, locale, name }: { instrument: InstrumentView; locale: string; name: string }) {
  const t = await getTranslations({ locale, namespace: "instruments.photos" });
  if (instrument.photos.length === 0 && !instrument.manages) return null;
  return (
    <div className="mb-4 rounded-lg bg-white p-6 shadow-sm">
      <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
      {instrument.photos.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="instrument-photos">
          {instrument.photos.map((p, i) => (
            <li key={p.id} className="overflow-hidden rounded border border-slate-200">
              <a href={p.url} target="_blank" rel="noopener">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, already resized */}
                <img src={p.thumbUrl} alt={t("alt", { n: i + 1, name })} width={480} height={360} loading="lazy" className="aspect-[4/3] w-full object-cover" />
              </a>
              {instrument.manages && (
                <div className="p-1">
                  <InlineActionForm
                    action={deletePhotoAction}
                    locale={locale}
                    hidden={{ photoId: p.id, instrumentId: instrument.id }}
                    tone="danger"
                    submit={t("delete")}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {instrument.manages && instrument.photos.length < MAX_PHOTOS && (
        <InlineActionForm
          action={addPhotosAction}
          locale={locale}
          hidden={{ instrumentId: instrument.id }}
          submit={t("upload")}
          fields={[
            {
              name: "photos",
              label: t("choose", { mb: MAX_ATTACHMENT_MB, max: MAX_PHOTOS }),
              type: "file",
              accept: PHOTO_ACCEPT,
              multiple: true,
              required: true,
            },
          ]}
          testId="photos"
        />
      )}
    </div>
  );
}
