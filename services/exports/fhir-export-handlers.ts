import { AppError } from '../../core/app-error';
import type { Handlers } from '../handlers';
import { signedInCaller } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { ExportJobs } from './export-jobs';
import { exportDestinations, readExportSettings, saveExportSettings } from './export-settings';
import { runFhirExport } from './fhir-export';
import { buildMiReturn } from './mi-return';

type FhirExportChannels =
  'exports.settings' | 'exports.saveSettings' | 'exports.startFhir' | 'exports.job' | 'exports.cancel' | 'exports.miReturn';

/** The partnership export, its settings and the MI return. A lock cancels a running export. */
export function fhirExportHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, FhirExportChannels> {
  const jobs = new ExportJobs();
  session.onClose(() => jobs.cancelAll());
  return {
    'exports.settings': async () => readExportSettings(session.require().store),
    'exports.saveSettings': async (input, context) =>
      saveExportSettings(session.require().store, input, signedInCaller(context).userId, now()),
    'exports.startFhir': async (_input, context) => {
      const { store } = session.require();
      const user = signedInCaller(context);
      const destinations = exportDestinations(store);
      if (destinations.folder === null && destinations.baseUrl === null) {
        throw new AppError(
          'VALIDATION',
          'No destination is set up for the partnership export. An administrator sets the folder or FHIR address first.',
        );
      }
      return jobs.start((signal, onProgress) => runFhirExport(store, user, destinations, { now, signal, onProgress }));
    },
    'exports.job': async (input) => jobs.get(input.jobId),
    'exports.cancel': async (input) => jobs.cancel(input.jobId),
    'exports.miReturn': async (input, context) => buildMiReturn(session.require().store, signedInCaller(context), input.month, now()),
  };
}
