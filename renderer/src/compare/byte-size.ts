/** A size as a tester reads it in a side box or a phase: "812 KB", "3.4 MB", "20 MB" (decimal units). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const kilobytes = Math.round(bytes / 1000);
  if (kilobytes < 1000) return `${kilobytes} KB`;
  const megabytes = bytes / 1_000_000;
  // One decimal while it tells something (3.4 MB); whole megabytes from 10 on.
  return megabytes < 9.95
    ? `${megabytes.toFixed(1)} MB`
    : `${Math.round(megabytes).toLocaleString('en')} MB`;
}
