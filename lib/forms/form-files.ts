/** The files chosen in a form's upload field (an empty file input sends one empty File). */
export async function formFiles(formData: FormData, name: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files = formData.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
