import { fileApi } from "../services/authed-api";

/** Hands `blob` to the browser as a download named `name` (the API needs the bearer, so links cannot). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads one of the resident's files. */
export async function downloadFile(file: { id: string; name: string }): Promise<void> {
  saveBlob(await fileApi.content(file.id), file.name);
}
