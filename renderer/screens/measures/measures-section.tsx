import { useState } from 'react';
import { DISCIPLINE_LABELS } from '../../../core/schemas/assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { canCall, offers } from '../../can-call';
import { ListTable } from '../../components/list-table';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { MeasureForm } from './measure-form';
import { MeasureTrends } from './measure-trends';

/** The person's outcome measures: a trend per measure, every result, and the form that records one. */
export function MeasuresSection({ record, onChanged }: { record: ParticipantRecord; onChanged: () => void }) {
  const { user } = useSession();
  const [open, setOpen] = useState<'measure' | undefined>(undefined);
  const saved = () => {
    setOpen(undefined);
    onChanged();
  };
  return (
    <section aria-labelledby="measures-section">
      <h2 className="nhsuk-heading-m" id="measures-section">
        Outcome measures
      </h2>
      <MeasureTrends results={record.measures} />
      {record.measures.length > 0 && <h3 className="nhsuk-heading-s nhsuk-u-margin-top-4">All results</h3>}
      {record.measures.length === 0 ? (
        <p>No measures recorded yet.</p>
      ) : (
        <ListTable
          caption="Outcome measures, newest first"
          testId="measures-table"
          rows={record.measures}
          rowKey={(result) => result.id}
          columns={[
            { header: 'Date', cell: (result) => formatDate(result.takenOn) },
            { header: 'Measure', cell: (result) => getMeasureDefinition(result.measure).shortName },
            {
              header: 'Score',
              cell: (result) => (
                <>
                  {result.total ?? 'Not scored'}
                  {result.bandLabel === null ? '' : ` (${result.bandLabel})`}
                  {result.riskFlag && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--red">Risk</strong>
                    </>
                  )}
                </>
              ),
            },
            {
              header: 'Discipline',
              cell: (result) => (
                <>
                  {DISCIPLINE_LABELS[result.discipline]} ({result.recordedBy})
                </>
              ),
            },
          ]}
        />
      )}
      {open === 'measure' ? (
        <MeasureForm participantId={record.id} onSaved={saved} onCancel={() => setOpen(undefined)} />
      ) : (
        canCall('measures.record', user.role) && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('measures.record')}
            onClick={() => setOpen('measure')}
          >
            Record an outcome measure
          </button>
        )
      )}
    </section>
  );
}
