import { isRiskQualified, RISK_QUALIFIED_ROLE } from '../../../core/risk/risk-qualification';
import type { RiskFlag } from '../../../core/schemas/assessment';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';
import { usePartnershipConfig } from '../settings/use-partnership-config';
import { RiskAcknowledgeForm, type QualifiedClinician } from './risk-acknowledge-form';

/** The accounts qualified for risk under the partnership's settings: meeting mode offers these. */
function qualifiedClinicians(config: PartnershipConfig): QualifiedClinician[] {
  return config.accounts
    .filter((account) => isRiskQualified(account, config.clinicalLeads.usernames))
    .map((account) => ({ username: account.username, displayName: account.displayName }));
}

/**
 * Open risk flags, shown at the top of every view of the person until a clinician qualified for
 * risk acknowledges them with the action taken and a note. In meeting mode (`inMeeting`) a
 * qualified clinician present acknowledges in place with their own passphrase.
 */
export function RiskFlagBanner({
  flags,
  onAcknowledged,
  inMeeting = false,
}: {
  flags: readonly RiskFlag[];
  onAcknowledged: () => void;
  inMeeting?: boolean;
}) {
  if (flags.length === 0) return null;
  return <OpenRiskFlags flags={flags} onAcknowledged={onAcknowledged} inMeeting={inMeeting} />;
}

function OpenRiskFlags({
  flags,
  onAcknowledged,
  inMeeting,
}: {
  flags: readonly RiskFlag[];
  onAcknowledged: () => void;
  inMeeting: boolean;
}) {
  const { user } = useSession();
  const { config } = usePartnershipConfig();
  const leads = config?.clinicalLeads.usernames ?? [];
  // Until settings load, only the profession that is always qualified is offered the form.
  const mayAcknowledge = config === undefined ? user.role === RISK_QUALIFIED_ROLE : isRiskQualified(user, leads);
  const clinicians = inMeeting && config !== undefined ? qualifiedClinicians(config) : undefined;
  return (
    <div className="nhsuk-warning-callout ww-risk" data-testid="risk-flag-banner">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Risk flag: needs a clinician's review
        </span>
      </h2>
      {flags.map((flag, index) => (
        <div key={flag.id}>
          <p>
            {flag.reason} Raised {formatDate(flag.raisedOn)}.
          </p>
          {clinicians !== undefined ? (
            <RiskAcknowledgeForm flagId={flag.id} idPrefix={`risk-${index + 1}`} clinicians={clinicians} onDone={onAcknowledged} />
          ) : mayAcknowledge ? (
            <RiskAcknowledgeForm flagId={flag.id} idPrefix={`risk-${index + 1}`} onDone={onAcknowledged} />
          ) : (
            <p>The mental health practitioner or a clinical lead named in Settings must review and acknowledge it.</p>
          )}
        </div>
      ))}
    </div>
  );
}
