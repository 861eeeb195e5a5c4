/**
 * Hands bytes to the browser (or Electron) as a download with a suggested file name. The data goes
 * straight from memory to where the person saves it: no temporary or plaintext copy is made.
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Base64 (as the contract carries PDFs) to bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
