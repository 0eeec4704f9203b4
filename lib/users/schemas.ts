import { z } from "zod";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { MEMBER_ROLES, memberRoleFits } from "@/lib/staff/roles";
import { normaliseRegistrationCode } from "@/lib/orgs/registration-code";
import { registrationCodeProblem } from "@/lib/orgs/schemas";

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

export const signUpSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    email: emailSchema,
    password: z.string().min(10, { error: "v.password" }).max(200),
    role: z.enum(MEMBER_ROLES, { error: "v.roleNotAllowed" }),
    organisationName: z.string().trim().min(2).max(120),
    organisationKind: z.enum(["COMPANY", "UNIVERSITY", "TTO"]),
    // Optional at sign-up (the organisation starts unverified either way); a platform admin needs
    // it to verify the organisation. If given it must be valid for the kind.
    registrationCode: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().max(40).transform(normaliseRegistrationCode).optional(),
    ),
    locale: z.enum(["zh", "en"]).default("zh"),
  })
  .superRefine((i, ctx) => {
    const problem = i.registrationCode ? registrationCodeProblem(i.organisationKind, i.registrationCode) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["registrationCode"], message: problem });
  })
  // The role must fit the new organisation's kind (company members of a company, researchers of
  // a university or TTO): the same table as invitations (lib/staff/roles.ts).
  .refine((i) => memberRoleFits(i.organisationKind, i.role), { path: ["role"], error: "v.roleNotAllowed" });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const createTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });
/**
 * The invitation form and its server action for an organisation of `kind`: the role must be a
 * member role that fits the kind (never a staff role). A tampered value is a field error.
 */
export const inviteMemberSchemaFor = (kind: OrgKind) =>
  z.strictObject({
    email: emailSchema,
    role: z.enum(MEMBER_ROLES, { error: "v.roleNotAllowed" }).refine((role) => memberRoleFits(kind, role), { error: "v.roleNotAllowed" }),
  });
export type InviteMemberInput = z.infer<ReturnType<typeof inviteMemberSchemaFor>>;

export const acceptInvitationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, { error: "v.password" }).max(200),
});
