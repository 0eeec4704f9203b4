import { z } from "zod";

/** A form's file input with several files (parsed by the action client: empty inputs send none). */
export const uploadedFilesSchema = z.array(z.instanceof(File)).default([]);

/** The bytes of uploaded files, for services that check and store them. */
export async function fileBytes(files: File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
