import { fileApi } from "../services/authed-api";

/** Downloads one of the resident's files (the API needs the bearer, so it goes through a blob). */
export async function downloadFile(file: { id: string; name: string }): Promise<void> {
  const blob = await fileApi.content(file.id);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
