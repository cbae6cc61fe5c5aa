/** Offers bytes as a file download (the renderer never writes files or passes paths). */
export function downloadBytes(
  fileName: string,
  bytes: Uint8Array,
  type = 'application/octet-stream',
): void {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
