import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "v.email" }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const signUpSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  password: z.string().min(10, { error: "v.password" }).max(200),
  role: z.enum(["COMPANY", "RESEARCHER"]),
  organisationName: z.string().trim().min(2).max(120),
  organisationKind: z.enum(["COMPANY", "UNIVERSITY", "TTO"]),
  locale: z.enum(["zh", "en"]).default("zh"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const createTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const inviteMemberSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(["COMPANY", "RESEARCHER", "BROKER"]),
});

export const acceptInvitationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, { error: "v.password" }).max(200),
});
