import { Font, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';

// Never hyphenate: a split word reads badly aloud and breaks copying, searching and pdftotext.
Font.registerHyphenationCallback((word) => [word]);

/**
 * Renders a React-PDF document to bytes in memory. Nothing is written to disk here: the bytes go
 * to the caller, who decides where they are saved (no plaintext temporary files).
 */
export async function renderPdf(document: ReactElement): Promise<Uint8Array> {
  // renderToBuffer's parameter type is React-PDF's own Document element; our components return one.
  const buffer = await renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
