import type { ChannelDefinition } from './channel-definition';
import type { Role } from '../roles';
import { exportLogPageSchema, listExportLogInputSchema } from '../schemas/export-log';

/** Who reads the export log: the team's administrator and its coordinator. */
const EXPORT_LOG_READERS: readonly Role[] = ['administrator', 'coordinator'];

/** Everything that leaves the laptop, and the log of it. */
export const exportsContract = {
  'exports.log': {
    summary: 'The export log: who exported what, for whom, to where and when, with a SHA-256 of the content',
    input: listExportLogInputSchema,
    output: exportLogPageSchema,
    access: EXPORT_LOG_READERS,
    audit: { action: 'search', person: { input: 'participantId' } },
  },
} as const satisfies Record<string, ChannelDefinition>;
