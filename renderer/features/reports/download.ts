/**
 * Browser mode saves a report as a download: the text becomes a Blob, an object URL (same
 * origin, gone when revoked) and a click on a temporary `<a download>`. Nothing is navigated to
 * and nothing is rendered: the report is a file for the user, never a page of the app.
 */
export interface DownloadEnv {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

export function browserDownloadEnv(win: Window = window): DownloadEnv {
  return {
    document: win.document,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  };
}

/** A file name safe to offer: no folders, no control characters, something left. */
export function safeFileName(name: string, fallback = 'portscope-report.txt'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]+/g, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || fallback;
}

export function downloadText(content: string, mimeType: string, fileName: string, env: DownloadEnv = browserDownloadEnv()): void {
  const blob = new Blob([content], { type: mimeType || 'application/octet-stream' });
  const url = env.createObjectURL(blob);
  const a = env.document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.rel = 'noopener';
  a.style.display = 'none';
  env.document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The browser has taken the blob once the click returns; revoke a moment later all the same.
    setTimeout(() => env.revokeObjectURL(url), 10_000);
  }
}
