import type { ReactElement } from 'react';
import type { ExportKind } from '../../core/schemas/export-log';
import type { PdfDocument } from '../../core/schemas/documents';
import type { SignedInUser } from '../../core/schemas/session';
import { getPartnership } from '../../db/repositories/partnership-repository';
import type { Store } from '../../db/store';
import { recordExport } from '../exports/export-log';
import type { DocumentMeta } from './document-meta';
import { renderPdf } from './render-pdf';

/** What a document use case hands over once it has built its model and React-PDF element. */
export interface PdfExportRequest {
  readonly kind: ExportKind;
  readonly fileName: string;
  readonly draft: boolean;
  readonly element: ReactElement;
  /** Everyone the document is about, for the export log. */
  readonly participantIds: readonly string[];
}

/** The header and footer facts every document shares, for the signed-in user at this moment. */
export async function documentMeta(
  store: Store,
  user: SignedInUser,
  now: Date,
  title: string,
  version: string,
  draft: boolean,
): Promise<DocumentMeta> {
  const partnership = await getPartnership(store.db);
  return {
    title,
    version,
    draft,
    organisation: partnership?.name ?? 'WorkWell',
    generatedBy: user.displayName,
    generatedAt: now.toISOString(),
  };
}

/**
 * Renders the document and records it in the export log (file name only, the SHA-256 of exactly
 * these bytes, everyone it concerns) before the bytes are returned: nothing leaves unlogged.
 */
export async function exportPdf(store: Store, user: SignedInUser, now: Date, request: PdfExportRequest): Promise<PdfDocument> {
  const bytes = await renderPdf(request.element);
  recordExport(
    store,
    {
      user,
      kind: request.kind,
      destination: request.fileName,
      content: bytes,
      outcome: 'delivered',
      subjects: request.participantIds.map((participantId) => ({ participantId, outcome: 'included' as const })),
    },
    now,
  );
  return {
    fileName: request.fileName,
    contentBase64: Buffer.from(bytes).toString('base64'),
    bytes: bytes.byteLength,
    draft: request.draft,
  };
}

/** A file-name-safe form of a reference or date ("WW-000123", "2026-12-03"). */
export function fileNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
}
