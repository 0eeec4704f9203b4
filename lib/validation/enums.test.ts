import { describe, expect, it } from "vitest";
import { CollaborationMode, Visibility } from "@/lib/generated/prisma/enums";
import { collaborationModeSchema, contractModeSchema, visibilitySchema } from "./common";
import { COLLABORATION_MODES, CONTRACT_MODES, VISIBILITIES } from "./enums";

describe("enum option lists and schemas", () => {
  it("list every Prisma enum value in schema order", () => {
    expect(COLLABORATION_MODES).toEqual(Object.keys(CollaborationMode));
    expect(VISIBILITIES).toEqual(Object.keys(Visibility));
    expect(CONTRACT_MODES).toEqual(COLLABORATION_MODES.filter((m) => m !== "CONSULTING"));
  });
  it("accept exactly the listed values", () => {
    expect(collaborationModeSchema.options).toEqual(COLLABORATION_MODES);
    expect(visibilitySchema.options).toEqual(VISIBILITIES);
    expect(contractModeSchema.safeParse("CONSULTING").success).toBe(false);
    expect(visibilitySchema.safeParse("SECRET").success).toBe(false);
  });
});
