"use server";
import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/action-client";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { signUpSchema } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";

// Public by design (anyone may sign up). A new address and one that already has an account get
// the same answer (the service mails the account holder instead); a taken organisation name is
// refused for every address alike. The mails go out in the language of the page signed up on.
export const signUpAction = publicAction.schema(signUpSchema).action(async ({ input, locale }) => {
  await consumeRateLimit("signUp", { ip: clientIpFrom(await headers()), account: input.email });
  await signUp({ ...input, locale: locale === "en" ? "en" : "zh" });
  return { email: input.email };
});
