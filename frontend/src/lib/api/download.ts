import type { ApiClient } from './client';
import { ProblemError } from './problem';

/** Hands a downloaded file to the browser as a save (the API needs a token, so a plain link cannot). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name from Content-Disposition, or the fallback. */
export function filenameOf(response: Response, fallback: string): string {
  const cd = response.headers.get('Content-Disposition') ?? '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

/** Downloads a CSV the API serves (template, error report) and saves it. */
export async function downloadCsv(
  call: (client: ApiClient) => Promise<{ data?: Blob; response: Response }>,
  client: ApiClient,
  fallbackName: string,
): Promise<void> {
  const { data, response } = await call(client);
  if (!data) {
    throw new ProblemError({ type: 'about:empty-response', title: 'Empty response', status: response.status, errors: [] });
  }
  saveBlob(data, filenameOf(response, fallbackName));
}
