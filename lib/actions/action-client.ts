import "server-only";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { authorize, type Action, type Actor, type MaybeActor } from "@/lib/policy";
import type { ResourceOf } from "@/lib/policy/rules";
import { parseInput } from "@/lib/validation/parse-input";
import { toLocale, type Locale } from "@/i18n/locale";
import { actionErrorState } from "./action-error";
import { inputFromFormData, echoValues } from "./form-input";

// THE way to write a server action (pattern of dub's lib/actions/safe-action.ts, in one file):
//
//   export const saveExpertiseAction = memberAction
//     .schema(expertiseSchema)
//     .authorize("expertise.update")
//     .revalidate("/expertise")
//     .action(async ({ actor, input }) => saveMyExpertise(actor, input));
//
// Every action then has the same signature, `(locale, previousState, input)`, where input is
// the form's FormData (useActionState binds the locale) or a plain object from a button; it
// returns a FormState. Reading the actor, the policy check, parsing with the shared zod schema,
// wording errors in the reader's language and revalidation happen here, nowhere else. Services
// still authorize against their resources (ownership in the `where`); `.authorize()` is for the
// checks that need no row.

export type ActionInput = FormData | Record<string, unknown> | null | undefined;
export type ServerAction = (locale: string, previous: unknown, input?: ActionInput) => Promise<FormState>;

type ResourcelessAction = { [A in Action]: ResourceOf<A> extends void ? A : never }[Action];
type Context<I, A extends MaybeActor> = { actor: A; input: I; locale: Locale };
/** What an action body may return: nothing, or strings to hand back to the client (e.g. a new id). */
type ActionData = Record<string, string> | void | undefined;
type PathOf<I> = string | ((input: I) => string);

type Config<I, A extends MaybeActor> = {
  requireActor: A extends Actor ? true : false;
  schema?: z.ZodType;
  policy?: ResourcelessAction;
  revalidate: PathOf<I>[];
  successKey?: string;
};

class ActionBuilder<I, A extends MaybeActor> {
  constructor(private readonly config: Config<I, A>) {}

  /** The one zod schema shared with the form; the body receives its parsed output. */
  schema<S extends z.ZodType>(schema: S): ActionBuilder<z.output<S>, A> {
    return new ActionBuilder<z.output<S>, A>({ ...this.config, schema, revalidate: [] });
  }

  /** A policy check that needs no resource (deny by default; services check the rest). */
  authorize(policy: ResourcelessAction): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, policy });
  }

  /** Path (without the locale) to revalidate after success; a function receives the parsed input. */
  revalidate(path: PathOf<I>): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, revalidate: [...this.config.revalidate, path] });
  }

  /** Message key ("namespace.key") shown on success. */
  success(messageKey: string): ActionBuilder<I, A> {
    return new ActionBuilder<I, A>({ ...this.config, successKey: messageKey });
  }

  action(body: (context: Context<I, A>) => Promise<ActionData>): ServerAction {
    const config = this.config;
    return async (rawLocale, _previous, rawInput) => {
      const locale = toLocale(rawLocale);
      const input = rawInput instanceof FormData ? inputFromFormData(config.schema, rawInput) : (rawInput ?? {});
      const values = echoValues(input);
      try {
        const actor = await getCurrentActor();
        if (config.requireActor && !actor) throw unauthenticated();
        if (config.policy) authorize(actor, config.policy);
        let parsed: I = input as I;
        if (config.schema) {
          const result = parseInput(config.schema, input, locale);
          if (!result.ok) {
            const t = await getTranslations({ locale, namespace: "form" });
            return { status: "error", message: t("fixErrors"), fields: result.fields, values };
          }
          parsed = result.data as I;
        }
        const data = await body({ actor: actor as A, input: parsed, locale });
        for (const path of config.revalidate) revalidatePath(`/${locale}${typeof path === "function" ? path(parsed) : path}`);
        const message = config.successKey ? await translateKey(locale, config.successKey) : undefined;
        return { status: "success", message, values, data: data ?? undefined };
      } catch (error) {
        unstable_rethrow(error); // redirect() and notFound() from the body are not failures
        return actionErrorState(error, values, locale);
      }
    };
  }
}

async function translateKey(locale: Locale, key: string): Promise<string> {
  const dot = key.indexOf(".");
  const t = await getTranslations({ locale, namespace: key.slice(0, dot) });
  return t(key.slice(dot + 1));
}

/** Actions of signed-in users (almost all). */
export const memberAction = new ActionBuilder<Record<string, unknown>, Actor>({ requireActor: true, revalidate: [] });
/** Actions open to visitors (sign-up, magic link): the body gets `actor: null` when signed out. */
export const publicAction = new ActionBuilder<Record<string, unknown>, MaybeActor>({ requireActor: false, revalidate: [] });
