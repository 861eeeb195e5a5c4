import { useState } from 'react';
import type { WordingSource } from '../../../core/schemas/measure-wording';
import { MEASURE_DEFINITION_LIST, getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import type { MeasureId } from '../../../core/scoring/measure-id';
import { canCall } from '../../can-call';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { SelectInput } from '../../components/select-input';
import { formatDate } from '../../format';
import { routeHref } from '../../routing';
import { useSession } from '../../session-context';
import { useMeasureWording } from './use-measure-wording';
import { MeasureWordingForm } from './measure-wording-form';

const SOURCE_LABELS: Readonly<Record<WordingSource, string>> = {
  configured: 'Your partnership’s wording',
  default: 'Published wording (shipped)',
  placeholder: 'Placeholders: licensed wording not added',
};

const SOURCE_TAGS: Readonly<Record<WordingSource, string>> = {
  configured: 'nhsuk-tag--green',
  default: 'nhsuk-tag--grey',
  placeholder: 'nhsuk-tag--orange',
};

/** Administrators set the wording of each outcome measure; licensed WSAS / MSK-HQ text above all. */
export function MeasureWordingScreen() {
  const { user } = useSession();
  const { entries, error, reload } = useMeasureWording();
  const [measure, setMeasure] = useState<MeasureId>('wsas');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const back = (
    <a className="nhsuk-back-link" href={routeHref({ name: 'caseload' })}>
      Back to the caseload
    </a>
  );
  if (!canCall('measureWording.save', user.role)) {
    return (
      <AppPage title="Measure wording">
        {back}
        <p>Only an administrator can change the wording of outcome measures.</p>
      </AppPage>
    );
  }
  const entry = entries?.[measure];
  return (
    <AppPage title="Measure wording">
      {back}
      <ErrorSummary fieldErrors={{}} message={error} />
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            WSAS and MSK-HQ wording is licensed
          </span>
        </h2>
        <p>
          The Work and Social Adjustment Scale (WSAS) is copyright and the Musculoskeletal Health Questionnaire (MSK-HQ) is licensed (free
          to publicly funded care, but still under licence). WorkWell MDT ships only their scoring and neutral placeholders. Add their
          wording only if your partnership holds the licence, and copy it exactly from the licensed form.
        </p>
        <p>
          PHQ-9, GAD-7 and the work ability score ship with their published wording. Change it only for an approved version, such as a
          validated translation.
        </p>
      </div>
      {entries !== undefined && (
        <ListTable
          caption="Wording in use"
          captionVisible
          testId="wording-table"
          rows={MEASURE_DEFINITION_LIST.map((definition) => ({ definition, item: entries[definition.id] }))}
          rowKey={({ definition }) => definition.id}
          columns={[
            { header: 'Measure', rowHeader: true, cell: ({ definition }) => definition.shortName },
            {
              header: 'Wording',
              cell: ({ item }) => <strong className={`nhsuk-tag ${SOURCE_TAGS[item.source]}`}>{SOURCE_LABELS[item.source]}</strong>,
            },
            {
              header: 'Last changed',
              cell: ({ item }) =>
                item.updatedAt === null ? 'Never' : `${formatDate(item.updatedAt)} by ${item.updatedByName ?? 'unknown'}`,
            },
          ]}
        />
      )}
      {saved !== undefined && (
        <div className="nhsuk-inset-text ww-saved" role="status" data-testid="wording-saved">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{saved}</p>
        </div>
      )}
      <SelectInput
        id="wording-measure"
        label="Measure to edit"
        value={measure}
        options={MEASURE_DEFINITION_LIST.map((definition) => ({ value: definition.id, label: definition.displayName }))}
        onValueChange={(value) => {
          setMeasure(getMeasureDefinition(value as MeasureId).id);
          setSaved(undefined);
        }}
      />
      {entry === undefined ? (
        error === undefined && <p>Loading the wording…</p>
      ) : (
        <MeasureWordingForm
          // A fresh form for each measure, and after each save or reset, so it starts from what is now in use.
          key={`${entry.measure}-${entry.source}-${entry.updatedAt ?? ''}`}
          entry={entry}
          onChanged={(message) => {
            setSaved(message);
            void reload();
          }}
        />
      )}
    </AppPage>
  );
}
