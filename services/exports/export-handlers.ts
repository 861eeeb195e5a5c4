import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { listExportLog } from './export-log';

/** The exports' channels. The export operations themselves join this map as they are built. */
export function exportHandlers(session: SessionHolder): Pick<Handlers, 'exports.log'> {
  return {
    'exports.log': async (input) => listExportLog(session.require().store, input),
  };
}
