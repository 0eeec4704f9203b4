"use server";
import { memberAction } from "@/lib/actions/action-client";
import { fileBytes, uploadedFilesSchema } from "@/lib/forms/form-files";
import { createResult } from "@/lib/results/create-result";
import { createResultSchema } from "@/lib/results/schemas";

export const createResultAction = memberAction
  .schema(createResultSchema.safeExtend({ attachments: uploadedFilesSchema }))
  .authorize("result.create")
  .redirect(({ data }) => `/results/${(data as { id: string }).id}`)
  .action(async ({ actor, input: { attachments, ...result } }) => createResult(actor, result, await fileBytes(attachments)));
