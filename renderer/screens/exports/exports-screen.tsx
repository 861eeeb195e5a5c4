import { useCallback, useEffect, useRef, useState } from 'react';
import { lastCompleteMonth } from '../../../core/calendar-date';
import { todayInLondon } from '../../../core/clock';
import { miReturnCountText } from '../../../core/exports/mi-return-count';
import type { ExportJob, ExportSettings, MiReturn } from '../../../core/schemas/fhir-export';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { saveBlob } from '../../save-blob';
import { useSession } from '../../session-context';
import { ExportLogTable } from './export-log-table';
import { ExportProgress } from './export-progress';
import { ExportSettingsForm } from './export-settings-form';

/** How often the screen asks for the running export's counts. */
const POLL_MS = 1_000;

/** The MI return's default: the last complete month in England (this month is not over yet). */
function defaultReportingMonth(): string {
  return lastCompleteMonth(todayInLondon());
}

/**
 * Exports (coordinators and administrators): the partnership export with its progress, the
 * monthly management-information return, the destinations (administrators) and the export log.
 */
export function ExportsScreen() {
  const api = useApi();
  const { user } = useSession();
  const [settings, setSettings] = useState<ExportSettings | undefined>(undefined);
  const [job, setJob] = useState<ExportJob | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [month, setMonth] = useState(defaultReportingMonth);
  const [miDone, setMiDone] = useState<string | undefined>(undefined);
  const start = useSubmit<ExportJob>();
  const mi = useSubmit<MiReturn>((path) => (path === 'month' ? 'mi-month' : path));
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    void api.call('exports.settings', {}).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  }, [api]);

  const poll = useCallback(
    (jobId: string) => {
      timer.current = window.setTimeout(() => {
        void api.call('exports.job', { jobId }).then((result) => {
          if (!result.ok) return;
          setJob(result.value);
          if (result.value.state === 'running') poll(jobId);
          else {
            setCancelling(false);
            setLogVersion((version) => version + 1);
          }
        });
      }, POLL_MS);
    },
    [api],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const startExport = () => {
    void start.submit(
      () => api.call('exports.startFhir', {}),
      (started) => {
        setJob(started);
        poll(started.jobId);
      },
    );
  };

  const cancel = () => {
    if (job === undefined) return;
    setCancelling(true);
    void api.call('exports.cancel', { jobId: job.jobId });
  };

  const downloadMi = (event: React.FormEvent) => {
    event.preventDefault();
    setMiDone(undefined);
    void mi.submit(
      () => api.call('exports.miReturn', { month }),
      (value) => {
        saveBlob(value.fileName, new Blob([value.csv], { type: 'text/csv' }));
        setMiDone(`${value.fileName} downloaded: ${miReturnCountText(value)}.`);
        setLogVersion((version) => version + 1);
      },
    );
  };

  const destinations =
    settings === undefined
      ? ''
      : [
          settings.folder === null ? null : `the folder ${settings.folder}`,
          settings.baseUrl === null ? null : `${settings.baseUrl}${settings.tokenSet ? '' : ' (no token saved)'}`,
        ]
          .filter((part) => part !== null)
          .join(' and ');
  const running = job?.state === 'running';

  return (
    <AppPage title="Exports">
      <h2 className="nhsuk-heading-m">Export to the partnership system</h2>
      <p className="nhsuk-body">
        Sends each person’s record, plan, barriers, PHQ-9 and GAD-7 totals and consent as FHIR UK Core, only for people who consented to
        sharing with the partnership system. Everyone else is skipped and listed with the reason.
      </p>
      <p className="nhsuk-body" data-testid="export-destinations">
        {settings === undefined ? '' : destinations === '' ? 'No destination is set up yet.' : `Goes to ${destinations}.`}
        {settings !== undefined &&
          destinations === '' &&
          !canCall('exports.saveSettings', user.role) &&
          ' Ask an administrator to set one.'}
      </p>
      <ErrorSummary fieldErrors={start.fieldErrors} message={start.message} />
      <button type="button" className="nhsuk-button" onClick={startExport} disabled={start.busy || running || destinations === ''}>
        {running ? 'Export running…' : 'Export to the partnership system'}
      </button>
      {job !== undefined && <ExportProgress job={job} onCancel={cancel} cancelling={cancelling} />}

      <h2 className="nhsuk-heading-m">Management-information return</h2>
      <p className="nhsuk-body">
        A CSV file for a reporting month: one row per person on the caseload that month, codes and dates only, no names or free text. People
        who had declined or withdrawn from the service by the month's end are left out, and outcome scores are blank unless the person's
        evaluation consent was in force then.
      </p>
      <ErrorSummary fieldErrors={mi.fieldErrors} message={mi.message} />
      {miDone !== undefined && (
        <div className="ww-saved" role="status">
          <p className="nhsuk-body nhsuk-u-margin-bottom-0">{miDone}</p>
        </div>
      )}
      <form onSubmit={downloadMi} noValidate aria-busy={mi.busy} {...offers('exports.miReturn')}>
        <TextInput
          id="mi-month"
          label="Reporting month"
          hint="For example 2026-11"
          value={month}
          error={mi.fieldErrors['mi-month']}
          onValueChange={setMonth}
          className="nhsuk-input--width-10"
          autoComplete="off"
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={mi.busy}>
          {mi.busy ? 'Preparing…' : 'Download the MI return'}
        </button>
      </form>

      {settings !== undefined && canCall('exports.saveSettings', user.role) && (
        <>
          <h2 className="nhsuk-heading-m">Where exports go</h2>
          <ExportSettingsForm settings={settings} onSaved={setSettings} />
        </>
      )}

      <h2 className="nhsuk-heading-m">Export log</h2>
      <ExportLogTable refreshKey={logVersion} />
    </AppPage>
  );
}
