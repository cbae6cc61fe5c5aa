/** How sizes and durations read in the FHIR client's messages: "64 MB", "1.5 s". */

/** A byte count in whole MB, KB or bytes. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** Milliseconds as seconds with at most one decimal. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
