import "server-only";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { authorize, type Action, type Actor, type MaybeActor } from "@/lib/policy";
import type { ResourceOf } from "@/lib/policy/rules";
import { parseInput } from "@/lib/validation/parse-input";
import { toLocale, type Locale } from "@/i18n/locale";
import { actionErrorState } from "./action-error";
import { echoValues, inputFromFormData, inputFromObject, withoutFields } from "./form-input";

// THE way to write a server action (pattern of dub's lib/actions/safe-action.ts, in one file):
//
//   export const saveExpertiseAction = memberAction
//     .schema(expertiseSchema)
//     .authorize("expertise.update")
//     .revalidate("/expertise")
//     .success("expertise.saved")
//     .action(async ({ actor, input }) => saveMyExpertise(actor, input));
//
// Every action then has the same signature, `(locale, previousState, input)`, where input is
// the form's FormData (useActionState binds the locale) or a plain object from a button; it
// returns a FormState. Only the schema's fields are read from either (a hand-added field is
// ignored). Reading the actor, the policy check, parsing with the shared zod schema, wording
// errors in the reader's language, revalidation, the success message and a redirect happen
// here, nowhere else. Services still authorize against their resources (ownership in the
// `where`); `.authorize()` is for the checks that need no row. Ids a form is about travel in
// hidden inputs (or the button's input object) and are parsed by the schema like any field.

export type ActionInput = FormData | Record<string, unknown> | null | undefined;
export type ServerAction<D = Record<string, string>> = (locale: string, previous: unknown, input?: ActionInput) => Promise<FormState<D>>;

type ResourcelessAction = { [A in Action]: ResourceOf<A> extends void ? A : never }[Action];
type Context<I, A extends MaybeActor> = { actor: A; input: I; locale: Locale };
/** What an action body may hand back to the client (e.g. a new id, an import report). */
type ActionData = object;
type PathOf<I> = string | ((input: I) => string);
type Translate = (key: string, params?: Record<string, string | number>) => string;
/** A message key ("namespace.key"), or a function wording the message from the input and data. */
type SuccessOf<I> = string | ((result: { input: I; data: unknown; t: Translate }) => string);
type SchemaOf<A extends MaybeActor> = z.ZodType | ((context: { actor: A }) => z.ZodType | Promise<z.ZodType>);

type Config<I, A extends MaybeActor> = {
  requireActor: boolean;
  schema?: SchemaOf<A>;
  keepValid?: boolean;
  policy?: ResourcelessAction;
  revalidate: { path: PathOf<I>; type?: "layout" | "page" }[];
  success?: SuccessOf<I>;
  redirect?: (result: { input: I; data: unknown }) => string | undefined;
};

class ActionBuilder<I, A extends MaybeActor> {
  constructor(private readonly config: Config<I, A>) {}

  /**
   * The one zod schema shared with the form; the body receives its parsed output. A function
   * picks the schema for the actor (e.g. the roles an organisation may invite). `keepValid`
   * (drafts, autosave): invalid fields are left out, the rest is saved, and the state reports
   * the field errors with the body's data.
   */
  schema<S extends z.ZodType>(schema: S | ((context: { actor: A }) => S | Promise<S>), options: { keepValid?: boolean } = {}): ActionBuilder<z.output<S>, A> {
    return new ActionBuilder<z.output<S>, A>({ ...this.config, schema, keepValid: options.keepValid, revalidate: [], success: undefined, redirect: undefined });
  }

  /** A policy check that needs no resource (deny by default; services check the rest). */
  authorize(policy: ResourcelessAction): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, policy });
  }

  /** Path (without the locale; "" is the locale's root) to revalidate after success; a function receives the parsed input. */
  revalidate(path: PathOf<I>, type?: "layout" | "page"): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, revalidate: [...this.config.revalidate, { path, type }] });
  }

  /** The message shown on success: a key ("namespace.key") or a function of the input and the body's data. */
  success(message: SuccessOf<I>): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, success: message });
  }

  /** Where to go after success (a path without the locale), e.g. the page of what was just created; undefined stays on the page. */
  redirect(to: (result: { input: I; data: unknown }) => string | undefined): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, redirect: to });
  }

  // A body that returns nothing makes a ServerAction with the default data type, so it fits
  // every form and button prop typed `ServerAction`.
  action<R extends ActionData | void>(body: (context: Context<I, A>) => Promise<R>): ServerAction<R extends ActionData ? R : Record<string, string>>;
  action<D extends ActionData = Record<string, string>>(body: (context: Context<I, A>) => Promise<D | void>): ServerAction<D> {
    const config = this.config;
    return async (rawLocale, _previous, rawInput) => {
      const locale = toLocale(rawLocale);
      let values: Record<string, string> = {};
      let target: string | undefined;
      let state: FormState<D>;
      try {
        const actor = await getCurrentActor();
        if (config.requireActor && !actor) throw unauthenticated();
        if (config.policy) authorize(actor, config.policy);
        const schema = typeof config.schema === "function" ? await config.schema({ actor: actor as A }) : config.schema;
        const input = rawInput instanceof FormData ? inputFromFormData(schema, rawInput) : inputFromObject(schema, rawInput ?? {});
        values = echoValues(input);
        let parsed: I = input as I;
        let invalid: FormState["fields"];
        if (schema) {
          let result = parseInput(schema, input, locale);
          if (!result.ok && config.keepValid) {
            invalid = result.fields;
            result = parseInput(schema, withoutFields(input, Object.keys(result.fields)), locale);
          }
          if (!result.ok) return { status: "error", message: await translate(locale, "form.fixErrors"), fields: invalid ?? result.fields, values };
          parsed = result.data as I;
        }
        const data = (await body({ actor: actor as A, input: parsed, locale })) ?? undefined;
        for (const { path, type } of config.revalidate) revalidatePath(`/${locale}${typeof path === "function" ? path(parsed) : path}`, type);
        if (invalid) return { status: "error", message: await translate(locale, "form.fixErrors"), fields: invalid, values, data };
        if (config.redirect) target = config.redirect({ input: parsed, data });
        state = { status: "success", message: await successMessage(config.success, locale, parsed, data), values, data };
      } catch (error) {
        unstable_rethrow(error); // redirect() and notFound() from the body are not failures
        return actionErrorState(error, values, locale);
      }
      if (target !== undefined) redirect(`/${locale}${target}`);
      return state;
    };
  }
}

async function successMessage<I>(success: SuccessOf<I> | undefined, locale: Locale, input: I, data: unknown): Promise<string | undefined> {
  if (success === undefined) return undefined;
  if (typeof success === "string") return translate(locale, success);
  const t = (await getTranslations({ locale })) as unknown as Translate;
  return success({ input, data, t });
}

async function translate(locale: Locale, key: string): Promise<string> {
  const dot = key.indexOf(".");
  const t = await getTranslations({ locale, namespace: key.slice(0, dot) });
  return t(key.slice(dot + 1));
}

/** Actions of signed-in users (almost all). */
export const memberAction = new ActionBuilder<Record<string, unknown>, Actor>({ requireActor: true, revalidate: [] });
/** Actions open to visitors (sign-up, an invitation's link): the body gets `actor: null` when signed out. */
export const publicAction = new ActionBuilder<Record<string, unknown>, MaybeActor>({ requireActor: false, revalidate: [] });
