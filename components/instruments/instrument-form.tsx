"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, FormMessage } from "@/components/form/field";
import type { ServerAction } from "@/lib/actions/action-client";
import { idleState } from "@/lib/forms/form-state";
import { INSTRUMENT_CATEGORIES } from "@/lib/instruments/categories";
import { INSTRUMENT_SERVICES, PRICE_UNITS } from "@/lib/validation/enums";

export type InstrumentFormValues = Record<string, string>;

/** Listing and editing an instrument (one form; the edit form carries id and version). */
export function InstrumentForm({ action, initial, hidden = {} }: { action: ServerAction; initial: InstrumentFormValues; hidden?: Record<string, string> }) {
  const t = useTranslations("instruments");
  const locale = useLocale();
  const [state, run, pending] = useActionState(action.bind(null, locale), idleState);
  const v = { ...initial, ...(state.values ?? {}) };
  const err = (name: string) =>
    Object.entries(state.fields ?? {})
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .flatMap(([, e]) => e);
  const list = (name: string) => (v[name] ?? "").split(",").filter(Boolean);
  const select = "mt-1 block w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form action={run} noValidate className="rounded-lg bg-white p-6 shadow-sm">
      {Object.entries(hidden).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <FormMessage status={state.status} message={state.message} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <Field name="name" label={t("form.name")} defaultValue={v.name} errors={err("name")} required />
        <Field name="nameEn" label={t("form.nameEn")} defaultValue={v.nameEn} errors={err("nameEn")} />
        <div className="mb-4">
          <label htmlFor="categoryCode" className="block text-sm font-medium">
            {t("form.category")}
          </label>
          <select id="categoryCode" name="categoryCode" defaultValue={v.categoryCode ?? ""} className={select}>
            <option value="">{t("form.choose")}</option>
            {INSTRUMENT_CATEGORIES.map((c) => (
              <optgroup key={c.code} label={locale === "en" ? c.en : c.zh}>
                <option value={c.code}>{locale === "en" ? c.en : c.zh}</option>
                {c.children?.map((k) => (
                  <option key={k.code} value={k.code}>
                    {locale === "en" ? k.en : k.zh}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {err("categoryCode").length > 0 && (
            <p className="mt-1 text-sm text-red-600" role="alert">
              {err("categoryCode").join("; ")}
            </p>
          )}
        </div>
        <Field name="externalId" label={t("form.externalId")} hint={t("form.externalIdHint")} defaultValue={v.externalId} errors={err("externalId")} />
        <Field name="maker" label={t("form.maker")} defaultValue={v.maker} errors={err("maker")} />
        <Field name="model" label={t("form.model")} defaultValue={v.model} errors={err("model")} />
      </div>
      <Field name="specs" label={t("form.specs")} defaultValue={v.specs} errors={err("specs")} multiline rows={3} />
      <Field
        name="capabilities"
        label={t("form.capabilities")}
        hint={t("form.capabilitiesHint")}
        defaultValue={v.capabilities}
        errors={err("capabilities")}
        multiline
        rows={2}
      />
      <div className="grid gap-x-4 md:grid-cols-4">
        <Field name="region" label={t("form.region")} defaultValue={v.region} errors={err("region")} />
        <Field name="campus" label={t("form.campus")} defaultValue={v.campus} errors={err("campus")} />
        <Field name="building" label={t("form.building")} defaultValue={v.building} errors={err("building")} />
        <Field name="room" label={t("form.room")} defaultValue={v.room} errors={err("room")} />
      </div>
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("form.services")}</legend>
        {INSTRUMENT_SERVICES.map((s) => (
          <label key={s} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="services" value={s} defaultChecked={list("services").includes(s)} /> {t(`service.${s}`)}
          </label>
        ))}
        {err("services").length > 0 && (
          <p className="mt-1 text-sm text-red-600" role="alert">
            {err("services").join("; ")}
          </p>
        )}
      </fieldset>
      <Field
        name="sampleRequirements"
        label={t("form.sampleRequirements")}
        defaultValue={v.sampleRequirements}
        errors={err("sampleRequirements")}
        multiline
        rows={2}
      />
      <div className="grid gap-x-4 md:grid-cols-4">
        <div className="mb-4">
          <label htmlFor="priceUnit" className="block text-sm font-medium">
            {t("form.priceUnit")}
          </label>
          <select id="priceUnit" name="priceUnit" defaultValue={v.priceUnit ?? "HOUR"} className={select}>
            {PRICE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <Field name="priceInternal" type="number" min={0} label={t("form.priceInternal")} defaultValue={v.priceInternal} errors={err("priceInternal")} />
        <Field name="pricePartner" type="number" min={0} label={t("form.pricePartner")} defaultValue={v.pricePartner} errors={err("pricePartner")} />
        <Field name="priceExternal" type="number" min={0} label={t("form.priceExternal")} defaultValue={v.priceExternal} errors={err("priceExternal")} />
      </div>
      <div className="grid gap-x-4 md:grid-cols-3">
        <Field name="operatorName" label={t("form.operatorName")} defaultValue={v.operatorName} errors={err("operatorName")} />
        <Field name="contactPhone" label={t("form.contactPhone")} defaultValue={v.contactPhone} errors={err("contactPhone")} />
        <Field name="contactEmail" type="email" label={t("form.contactEmail")} defaultValue={v.contactEmail} errors={err("contactEmail")} />
      </div>
      <fieldset className="mb-4">
        <legend className="text-sm font-medium">{t("form.openDays")}</legend>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <label key={d} className="mr-3 inline-flex items-center gap-1 text-sm">
            <input type="checkbox" name="openDays" value={d} defaultChecked={list("openDays").includes(String(d))} /> {t(`weekday.${d}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-x-4 md:grid-cols-3">
        <Field name="opensAt" type="time" label={t("form.opensAt")} defaultValue={v.opensAt ?? "09:00"} errors={err("opensAt")} />
        <Field name="closesAt" type="time" label={t("form.closesAt")} defaultValue={v.closesAt ?? "18:00"} errors={err("closesAt")} />
        <Field
          name="freeCancelHours"
          type="number"
          min={0}
          label={t("form.freeCancelHours")}
          defaultValue={v.freeCancelHours ?? "24"}
          errors={err("freeCancelHours")}
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 disabled:opacity-60">
        {t("form.save")}
      </button>
    </form>
  );
}
