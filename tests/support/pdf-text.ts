import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/*
 * PDFs are read back with pdf.js (pdfjs-dist, a devDependency) rather than poppler's command-line
 * tools, so the tests need nothing installed on the machine beyond `npm ci`. The legacy build is
 * the one meant for Node; with no worker configured it parses in this process (a "fake worker").
 * Nothing here touches vitest, so Playwright specs use it too.
 */

type PdfDocumentProxy = Awaited<ReturnType<typeof getDocument>['promise']>;

/** The PDF's standard 14 fonts (react-pdf's Helvetica is not embedded), shipped with pdfjs-dist. */
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;

async function withPdf<T>(bytes: Uint8Array, fileName: string, read: (pdf: PdfDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js may detach the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  let pdf: PdfDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw new Error(`pdf.js could not open ${fileName}: ${String(error)}`, { cause: error });
  }
  try {
    return await read(pdf);
  } finally {
    await task.destroy();
  }
}

/** One run of text as placed on the page: its baseline (y, from the bottom), left edge, width and font size. */
interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Whether two runs sit on the same printed line: nearly the same baseline and comparable sizes (so a large watermark never splices into body text). */
function sameLine(a: Run, b: Run): boolean {
  const small = Math.min(a.size, b.size);
  const large = Math.max(a.size, b.size);
  return large <= 3 * small && Math.abs(a.y - b.y) <= 0.3 * small;
}

/** A line's runs left to right, with a space wherever the page leaves a gap and the text has none. */
function lineText(runs: Run[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const run of sorted) {
    const gap = run.x - end;
    if (text !== '' && gap > 0.15 * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+$/, '');
}

/** A page's text as lines, top to bottom, each read left to right: close to poppler's `pdftotext -layout`, without its column padding. */
function pageText(items: readonly unknown[]): string {
  const runs: Run[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item)) continue;
    const { str, transform, width } = item as { str: string; transform: number[]; width: number };
    if (str === '') continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = transform;
    runs.push({ text: str, x, y, width, size: Math.hypot(a, b) || 1 });
  }
  const lines: Run[][] = [];
  for (const run of runs) {
    const line = lines.find((candidate) => candidate.some((other) => sameLine(other, run)));
    if (line === undefined) lines.push([run]);
    else line.push(run);
  }
  const top = (line: Run[]) => Math.max(...line.map((run) => run.y));
  return lines
    .sort((a, b) => top(b) - top(a))
    .map(lineText)
    .join('\n');
}

/**
 * Reads a PDF's text back the way a person copying from it (or a screen reader) would get it:
 * each page's lines top to bottom, words on a line left to right, pages separated by a form feed.
 * `fileName` only names the document in errors.
 */
export async function pdfText(bytes: Uint8Array, fileName = 'document.pdf'): Promise<string> {
  return withPdf(bytes, fileName, async (pdf) => {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      pages.push(pageText((await page.getTextContent()).items));
    }
    return `${pages.join('\n\f')}\n`;
  });
}

/** The number of pages in a PDF. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return withPdf(bytes, 'document.pdf', async (pdf) => pdf.numPages);
}

/** What pdf.js's Node canvas factory hands back (a canvas from @napi-rs/canvas, pdfjs-dist's optional dependency). */
interface NodeCanvas {
  canvas: { toBuffer(mime: 'image/png'): Uint8Array };
  context: unknown;
}

/**
 * A picture of one page as PNG bytes, at `dpi` (60 by default, like `pdftoppm -png -r 60`), for a
 * person to look at beside a test's output.
 */
export async function pdfPagePng(bytes: Uint8Array, pageNumber = 1, dpi = 60): Promise<Uint8Array> {
  return withPdf(bytes, 'document.pdf', async (pdf) => {
    const page = await pdf.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const factory = pdf.canvasFactory as { create(width: number, height: number): NodeCanvas };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: null, canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
    return canvas.toBuffer('image/png');
  });
}
