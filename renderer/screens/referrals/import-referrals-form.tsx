import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { ErrorSummary } from '../../components/error-summary';
import { HintAndError } from '../../components/form-group';
import { useSubmit } from '../../components/use-submit';

const FIELD_ID = 'import-file';

type ImportOutcome = { imported: number; refused: ReadonlyArray<{ at: number; reason: string }> };

/** The file's format from its name: a CSV (`.csv`) or a FHIR bundle (`.json`); anything else is refused at the field. */
function formatOf(file: File): 'csv' | 'fhir' | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'fhir';
  return undefined;
}

/** Seconds since `busy` began, counted only while busy: a slow import says it is still working. */
function useSecondsBusy(busy: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!busy) return;
    const timer = setInterval(() => setSeconds((count) => count + 1), 1000);
    return () => clearInterval(timer);
  }, [busy]);
  return seconds;
}

/**
 * Imports referrals from a CSV or FHIR JSON file into the inbox: each row or entry is checked on its
 * own, and the outcome says how many came in and lists each one refused with its reason.
 */
export function ImportReferralsForm({ onImported }: { onImported: () => void }) {
  const api = useApi();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ format: 'csv' | 'fhir'; result: ImportOutcome } | undefined>(undefined);
  const importing = useSubmit<ImportOutcome>((path) => (path === 'text' || path === 'format' ? FIELD_ID : path));
  const seconds = useSecondsBusy(importing.busy);
  const error = importing.fieldErrors[FIELD_ID];
  return (
    <form
      noValidate
      aria-labelledby="import-heading"
      {...offers('referrals.import')}
      onSubmit={(event) => {
        event.preventDefault();
        setOutcome(undefined);
        const format = file === undefined ? undefined : formatOf(file);
        if (file === undefined || format === undefined) {
          importing.showErrors({
            [FIELD_ID]: file === undefined ? 'Choose a file to import' : 'Choose a CSV file (.csv) or a FHIR bundle (.json)',
          });
          return;
        }
        void importing.submit(
          async () => api.call('referrals.import', { format, text: await file.text() }),
          (result) => {
            setOutcome({ format, result });
            onImported();
          },
        );
      }}
    >
      <h2 className="nhsuk-heading-m" id="import-heading">
        Import referrals
      </h2>
      <ErrorSummary fieldErrors={importing.fieldErrors} message={importing.message} />
      <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={FIELD_ID}>
          CSV or FHIR file
        </label>
        <HintAndError
          id={FIELD_ID}
          hint="A CSV with the columns the README lists, or a FHIR R4 bundle of ServiceRequests and Patients (.json)."
          error={error}
        />
        <input
          className="nhsuk-file-upload__input"
          id={FIELD_ID}
          name={FIELD_ID}
          type="file"
          accept=".csv,.json,text/csv,application/json,application/fhir+json"
          aria-describedby={`${FIELD_ID}-hint${error === undefined ? '' : ` ${FIELD_ID}-error`}`}
          onChange={(event) => setFile(event.target.files?.[0])}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={importing.busy}>
        Import referrals
      </button>
      <div role="status" data-testid="import-status">
        {importing.busy && seconds >= 1 && <p className="nhsuk-body">Importing… {seconds} s so far. Each row is being checked.</p>}
        {outcome !== undefined && <ImportOutcomeSummary format={outcome.format} result={outcome.result} />}
      </div>
    </form>
  );
}

function ImportOutcomeSummary({ format, result }: { format: 'csv' | 'fhir'; result: ImportOutcome }) {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return (
    <>
      <p className="nhsuk-body">
        Imported {plural(result.imported, 'referral')} into the inbox; {result.refused.length} refused.
      </p>
      {result.refused.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="import-refused">
          {result.refused.map((refusal) => (
            <li key={refusal.at}>
              {format === 'csv' ? `Row ${refusal.at}` : `Entry ${refusal.at}`}: {refusal.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
