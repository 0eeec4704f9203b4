import { z } from "zod";

/** An import action's input: the step (check, import all, import the valid rows) and the file. */
export const importFileSchema = z.strictObject({ mode: z.enum(["validate", "all-or-nothing", "valid-only"]), file: z.instanceof(File).optional() });
