/** Downloads made in the page: a Blob, a safe file name, a temporary <a download>. */

/**
 * A file name that is safe everywhere: accents folded, anything but letters, digits, "-", "_"
 * and "." turned into "-", no leading dot, at most 80 characters before the extension.
 */
export function safeFileName(base: string, extension: string): string {
  const stem =
    base
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 80)
      .replace(/[-.]+$/g, "") || "orgraph";
  const ext = extension.toLowerCase().replace(/[^a-z0-9]+/g, "") || "bin";
  return `${stem}.${ext}`;
}

/** The stem of a data source's file name ("…/release.trig" → "release"), or "graph". */
export function sourceStem(source: string | null | undefined): string {
  if (!source) return "graph";
  let path = source;
  try {
    path = new URL(source, "https://x.invalid/").pathname;
  } catch {
    // Not a URL: use it as it is.
  }
  const last = path.split("/").filter(Boolean).pop() ?? "";
  return last.replace(/\.[^.]*$/, "") || "graph";
}

/** Saves `blob` as `fileName` through a temporary link; the object URL is revoked afterwards. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
