import { useCallback, type ReactNode } from 'react';
import { MONITORING_SUMMARY } from './monitoring-fields';
import { CONTACT_MODE_LABELS, EMPLOYER_SIZE_LABELS, EMPLOYMENT_STATUS_LABELS, REFERRAL_ROUTE_LABELS } from '../../../core/schemas/referral';
import { gpPracticeLabel } from '../../../core/schemas/gp-practice';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDate, orNotRecorded } from '../../format';
import { useLoaded } from '../../use-loaded';
import { useWideLayout } from '../../use-wide-layout';
import { routeHref } from '../../routing';
import { KeyboardShortcuts } from '../../components/keyboard-shortcuts';
import { useReceivedChanges } from '../../sync/received-changes';
import { AdjustmentsSection } from '../adjustments/adjustments-section';
import { caseloadReturnHref } from '../caseload/caseload-view';
import { DisciplineAssessmentsSection } from '../assessments/discipline-assessments-section';
import { JoinedUpSection } from '../assessments/joined-up-section';
import { MeasuresSection } from '../measures/measures-section';
import { PlanPanel } from '../plans/plan-panel';
import { ClinicalWithheldNotice } from './clinical-withheld-notice';
import { ConsentPanel } from './consent-panel';
import { FitNotesSection } from './fit-notes-section';
import { FollowUpsSection } from '../follow-ups/follow-ups-section';
import { RiskFlagBanner } from './risk-flag-banner';
import { RiskFlagHistory } from './risk-flag-history';
import { PatientBanner } from './patient-banner';
import { RecordContents, type RecordSection } from './record-contents';
import { CaseSection } from './case-section';
import { ContactLogSection } from './contact-log-section';
import { DetailsEditing } from './details-editing';
import { LettersSection } from './letters-section';
import { EpisodesSection } from './episodes-section';
import { currentEpisodeEntries } from '../../../core/episodes/episode-of-date';

/**
 * One person's record: the patient banner fixed at the top, a contents list beside the record, and
 * the record in sections (risk, consent, the clinical record, then contact details, work and referral).
 */
export function ParticipantScreen({ id }: { id: string }) {
  useWideLayout();
  const api = useApi();
  const {
    value: record,
    error,
    reload,
  } = useLoaded(
    useCallback(() => api.call('participants.get', { id }), [api, id]),
    useReceivedChanges(),
  );

  if (record === undefined) {
    return (
      <AppPage title={error === undefined ? 'Opening the record…' : 'Record not available'}>
        <ErrorSummary fieldErrors={{}} message={error} />
        <a className="nhsuk-back-link" href={caseloadReturnHref()}>
          Back to the caseload
        </a>
      </AppPage>
    );
  }
  const { employment } = record;
  const onChanged = () => void reload();
  const endedOn = record.episodes.flatMap((episode) => (episode.end === null ? [] : [episode.end.endedOn])).join(',');
  const hasRiskFlags = !record.clinicalWithheld && (record.openRiskFlags.length > 0 || record.acknowledgedRiskFlags.length > 0);
  // Risk first, then consent near the top (not at the foot of a long page), the clinical record, and who they are.
  const sections: Array<RecordSection & { content: ReactNode }> = [
    ...(hasRiskFlags && !record.clinicalWithheld
      ? [
          {
            id: 'record-risk',
            title: 'Risk flags',
            content: (
              <>
                <RiskFlagBanner flags={record.openRiskFlags} onAcknowledged={onChanged} />
                <RiskFlagHistory flags={record.acknowledgedRiskFlags} />
              </>
            ),
          },
        ]
      : []),
    {
      id: 'record-consent',
      title: 'Consent',
      content: <ConsentPanel participantId={record.id} current={record.currentConsent} onChanged={onChanged} />,
    },
    { id: 'record-case', title: 'Case', content: <CaseSection record={record} onChanged={onChanged} /> },
    { id: 'record-episodes', title: 'Episodes', content: <EpisodesSection record={record} /> },
    // After each exit, the 3- and 6-month follow-ups (issue 20 item 6), still there once they are referred again;
    // clinical, so not for administrators.
    ...(record.clinicalWithheld || endedOn === ''
      ? []
      : [
          {
            id: 'record-follow-ups',
            title: 'Follow-ups after exit',
            content: <FollowUpsSection participantId={record.id} endedOn={endedOn} />,
          },
        ]),
    ...(record.clinicalWithheld
      ? []
      : [
          {
            id: 'record-contacts',
            title: 'Contact log',
            content: <ContactLogSection participantId={record.id} contacts={record.contacts} onChanged={onChanged} />,
          },
          { id: 'record-joined-up', title: 'Joined-up assessment', content: <JoinedUpSection record={record} onChanged={onChanged} /> },
          { id: 'record-fit-notes', title: 'Fit notes', content: <FitNotesSection record={record} onChanged={onChanged} /> },
          {
            id: 'record-measures',
            title: 'Outcome measures',
            // The current episode's measures only: trends and outcomes never reach back into an earlier episode.
            content: (
              <MeasuresSection
                record={{ ...record, measures: currentEpisodeEntries(record.episodes, record.measures, (result) => result.takenOn) }}
                onChanged={onChanged}
              />
            ),
          },
          {
            id: 'record-disciplines',
            title: 'Discipline assessments',
            content: <DisciplineAssessmentsSection record={record} onChanged={onChanged} />,
          },
          {
            id: 'record-plan',
            title: 'Action plan',
            content: (
              <section aria-labelledby="plan-section">
                <h2 className="nhsuk-heading-m" id="plan-section">
                  Action plan
                </h2>
                <PlanPanel participantId={record.id} onLettersProduced={onChanged} />
              </section>
            ),
          },
          { id: 'record-letters', title: 'Letters', content: <LettersSection record={record} onChanged={onChanged} /> },
        ]),
    {
      id: 'record-adjustments',
      title: 'Workplace adjustments',
      content: <AdjustmentsSection participantId={record.id} consentKey={JSON.stringify(record.currentConsent.share_employer)} />,
    },
    {
      id: 'record-details',
      title: 'Contact details',
      content: (
        <>
          <h2 className="nhsuk-heading-m">Contact details</h2>
          <SummaryList
            rows={[
              ['Phone', orNotRecorded(record.phone)],
              ['Email', orNotRecorded(record.email)],
              ['Address', orNotRecorded(record.address)],
              ['Preferred contact', CONTACT_MODE_LABELS[record.preferredContactMode]],
              ['GP practice', record.gpPractice === null ? 'Not recorded' : gpPracticeLabel(record.gpPractice)],
              ...MONITORING_SUMMARY.map(([label, show]) => [label, show(record.monitoring)] as const),
            ]}
          />
          <DetailsEditing record={record} onChanged={onChanged} />
        </>
      ),
    },
    {
      id: 'record-work',
      title: 'Work',
      content: (
        <>
          <h2 className="nhsuk-heading-m">Work</h2>
          <SummaryList
            rows={[
              ['Employment status at first contact', EMPLOYMENT_STATUS_LABELS[employment.status]],
              ['Job title', orNotRecorded(employment.jobTitle)],
              ['Physical demands', orNotRecorded(employment.physicalDemands)],
              ['Cognitive demands', orNotRecorded(employment.cognitiveDemands)],
              ['Employer', orNotRecorded(employment.employerName)],
              ['Employer size', EMPLOYER_SIZE_LABELS[employment.employerSize]],
              ['Employer contact', orNotRecorded(employment.employerContact)],
              ['May we contact the employer?', employment.mayContactEmployer ? 'Yes' : 'No'],
            ]}
          />
        </>
      ),
    },
    {
      id: 'record-referral',
      title: 'Referral',
      content: (
        <>
          <h2 className="nhsuk-heading-m">Referral</h2>
          {record.referrals.length === 0 && <p className="nhsuk-body">No referral recorded.</p>}
          {record.referrals.map((referral) => (
            <SummaryList
              key={referral.id}
              rows={[
                ['Date', formatDate(referral.date)],
                ['Route', REFERRAL_ROUTE_LABELS[referral.route]],
                ['Referrer', [referral.referrerName, referral.referrerOrganisation].filter(Boolean).join(', ') || 'Not recorded'],
                ['Reason', referral.reason],
              ]}
            />
          ))}
        </>
      ),
    },
  ];
  return (
    <AppPage title={`${record.givenName} ${record.familyName}`}>
      <a className="nhsuk-back-link" href={caseloadReturnHref()}>
        Back to the caseload
      </a>
      <PatientBanner record={record} />
      {record.clinicalWithheld && <ClinicalWithheldNotice />}
      <div className="ww-record-layout">
        <RecordContents sections={sections} href={routeHref({ name: 'participant', id: record.id })} />
        <div>
          {sections.map((section) => (
            <div className="ww-record-section" id={section.id} tabIndex={-1} key={section.id}>
              {section.content}
            </div>
          ))}
          <KeyboardShortcuts />
        </div>
      </div>
    </AppPage>
  );
}
