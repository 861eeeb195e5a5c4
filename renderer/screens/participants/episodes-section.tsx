import { useState } from 'react';
import { entriesOfEpisode } from '../../../core/episodes/episode-of-date';
import { getMeasureDefinition } from '../../../core/scoring/measure-definitions';
import { EMPLOYMENT_OUTCOME_LABELS, EXIT_REASON_LABELS } from '../../../core/schemas/action-plan';
import type { Episode } from '../../../core/schemas/episode';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { REFERRAL_ROUTE_LABELS } from '../../../core/schemas/referral';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { SummaryList } from '../../components/summary-list';
import { formatDate, formatDateTime } from '../../format';
import { PlanSummary } from '../plans/plan-summary';
import { planLabels, usePlanData } from '../plans/use-plan-data';

function episodeRows(episode: Episode): Array<readonly [string, string]> {
  const end = episode.end;
  return [
    ['Referred on', formatDate(episode.startedOn)],
    ['Route', REFERRAL_ROUTE_LABELS[episode.route]],
    ['Accepted', `${formatDateTime(episode.acceptedAt)}${episode.acceptedBy === '' ? '' : ` by ${episode.acceptedBy}`}`],
    ...(end === null
      ? [['Ended', 'Open'] as const]
      : [
          ['Ended on', formatDate(end.endedOn)] as const,
          ['Why it ended', `${EXIT_REASON_LABELS[end.reason]}${end.reasonNote === null ? '' : `: ${end.reasonNote}`}`] as const,
          ['Employment outcome', EMPLOYMENT_OUTCOME_LABELS[end.employmentOutcome]] as const,
        ]),
  ];
}

/** An earlier episode's plan, read from `plans.get` for that episode once its section is opened: never the current plan. */
function EarlierPlan({ participantId, episode }: { participantId: string; episode: number }) {
  const { data: value, error } = usePlanData(participantId, episode);
  if (value === undefined)
    return error === undefined ? <p role="status">Loading the plan…</p> : <ErrorSummary fieldErrors={{}} message={error} />;
  const plan = value.plans.versions.find((version) => version.status !== 'draft');
  return plan === undefined ? <p>No plan was agreed in this episode.</p> : <PlanSummary plan={plan} labels={planLabels(value.config)} />;
}

/** One earlier episode, closed by default: its referral and outcome, and (for the team) its measures and plan. */
function EarlierEpisode({ record, episode }: { record: ParticipantView; episode: Episode }) {
  const [opened, setOpened] = useState(false);
  const ended = episode.end === null ? '' : ` to ${formatDate(episode.end.endedOn)}`;
  return (
    <details className="nhsuk-details" data-testid={`episode-${episode.number}`} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Episode {episode.number}: {formatDate(episode.startedOn)}
          {ended}
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <SummaryList rows={episodeRows(episode)} />
        {!record.clinicalWithheld && (
          <>
            <h4 className="nhsuk-heading-xs">Outcome measures in episode {episode.number}</h4>
            <EpisodeMeasures record={record} episode={episode.number} />
            <h4 className="nhsuk-heading-xs">Action plan in episode {episode.number}</h4>
            {opened && <EarlierPlan participantId={record.id} episode={episode.number} />}
          </>
        )}
      </div>
    </details>
  );
}

function EpisodeMeasures({ record, episode }: { record: Extract<ParticipantView, { clinicalWithheld: false }>; episode: number }) {
  const results = entriesOfEpisode(record.episodes, episode, record.measures, (result) => result.takenOn);
  if (results.length === 0) return <p>No measures were recorded in this episode.</p>;
  return (
    <ListTable
      caption={`Outcome measures in episode ${episode}, newest first`}
      testId={`episode-${episode}-measures`}
      rows={results}
      rowKey={(result) => result.id}
      columns={[
        { header: 'Date', cell: (result) => formatDate(result.takenOn) },
        { header: 'Measure', cell: (result) => getMeasureDefinition(result.measure).shortName },
        {
          header: 'Score',
          cell: (result) => `${result.total ?? 'Not scored'}${result.bandLabel === null ? '' : ` (${result.bandLabel})`}`,
        },
      ]}
    />
  );
}

/**
 * The person's episodes (issue 20 item 4): the current one in focus, earlier ones closed beneath
 * it, each readable with its outcome, measures and plan. The rest of the record (measures, trends,
 * the action plan) shows the current episode's.
 */
export function EpisodesSection({ record }: { record: ParticipantView }) {
  const current = record.episodes.at(-1);
  if (current === undefined) return null;
  const earlier = record.episodes.slice(0, -1).reverse();
  return (
    <section aria-labelledby="episodes-section" data-testid="episodes-section">
      <h2 className="nhsuk-heading-m" id="episodes-section">
        Episodes
      </h2>
      <h3 className="nhsuk-heading-s" data-testid="current-episode">
        Episode {current.number} (current)
      </h3>
      {earlier.length === 0 ? (
        // One episode: its referral is the one under "Work and referral", not repeated here.
        <p className="nhsuk-body-s">
          This is the person’s first episode, from the referral they were registered with. If they are referred again after their case
          closes, a new episode starts.
        </p>
      ) : (
        <>
          <SummaryList rows={episodeRows(current)} />
          <p className="nhsuk-body-s">
            The measures, trends and action plan on this record are episode {current.number}’s. Earlier episodes:
          </p>
          {earlier.map((episode) => (
            <EarlierEpisode key={episode.number} record={record} episode={episode} />
          ))}
        </>
      )}
    </section>
  );
}
