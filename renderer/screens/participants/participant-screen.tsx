import { useCallback } from 'react';
import { formatNhsNumber } from '../../../core/nhs-number';
import { PARTICIPANT_STATUS_LABELS } from '../../../core/schemas/participants';
import { CONTACT_MODE_LABELS, EMPLOYER_SIZE_LABELS, EMPLOYMENT_STATUS_LABELS, REFERRAL_ROUTE_LABELS } from '../../../core/schemas/referral';
import { useApi } from '../../api/api-context';
import { AppPage } from '../../components/app-page';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { formatDate, orNotRecorded } from '../../format';
import { useLoaded } from '../../use-loaded';
import { useReceivedChanges } from '../../sync/received-changes';
import { AdjustmentsSection } from '../adjustments/adjustments-section';
import { caseloadReturnHref } from '../caseload/caseload-view';
import { DisciplineAssessmentsSection } from '../assessments/discipline-assessments-section';
import { JoinedUpSection } from '../assessments/joined-up-section';
import { MeasuresSection } from '../measures/measures-section';
import { PlanPanel } from '../plans/plan-panel';
import { ClinicalWithheldNotice } from './clinical-withheld-notice';
import { ConsentPanel } from './consent-panel';
import { RiskFlagBanner } from './risk-flag-banner';
import { RiskFlagHistory } from './risk-flag-history';

/** One person's record: who they are, their work, their referral and their consent. */
export function ParticipantScreen({ id }: { id: string }) {
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
  return (
    <AppPage title={`${record.givenName} ${record.familyName}`}>
      <a className="nhsuk-back-link" href={caseloadReturnHref()}>
        Back to the caseload
      </a>
      <p className="nhsuk-body-l">
        {record.reference} · {PARTICIPANT_STATUS_LABELS[record.status]}
        {record.coach === null ? '' : ` · Coach: ${record.coach.displayName}`}
      </p>
      {record.clinicalWithheld ? (
        <ClinicalWithheldNotice />
      ) : (
        <>
          <RiskFlagBanner flags={record.openRiskFlags} onAcknowledged={() => void reload()} />
          <RiskFlagHistory flags={record.acknowledgedRiskFlags} />
          <JoinedUpSection record={record} onChanged={() => void reload()} />
          <MeasuresSection record={record} onChanged={() => void reload()} />
          <DisciplineAssessmentsSection record={record} onChanged={() => void reload()} />
          <section aria-labelledby="plan-section">
            <h2 className="nhsuk-heading-m" id="plan-section">
              Action plan
            </h2>
            <PlanPanel participantId={record.id} />
          </section>
        </>
      )}
      <AdjustmentsSection participantId={record.id} consentKey={JSON.stringify(record.currentConsent.share_employer)} />
      <h2 className="nhsuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          ['Date of birth', formatDate(record.dateOfBirth)],
          ['NHS number', record.nhsNumber === null ? 'Not recorded' : formatNhsNumber(record.nhsNumber)],
          ['Phone', orNotRecorded(record.phone)],
          ['Email', orNotRecorded(record.email)],
          ['Address', orNotRecorded(record.address)],
          ['Preferred contact', CONTACT_MODE_LABELS[record.preferredContactMode]],
        ]}
      />
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
      <h2 className="nhsuk-heading-m">Referral</h2>
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
      <ConsentPanel participantId={record.id} current={record.currentConsent} onChanged={() => void reload()} />
    </AppPage>
  );
}
