import { useState } from 'react';
import { CLINICIAN_ROLES } from '../../../core/contract';
import type { RiskFlag } from '../../../core/schemas/assessment';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';
import { useSession } from '../../session-context';

/**
 * Open risk flags, shown at the top of every view of the person until a clinician acknowledges
 * them with a note of what was done.
 */
export function RiskFlagBanner({ flags, onAcknowledged }: { flags: readonly RiskFlag[]; onAcknowledged: () => void }) {
  const { user } = useSession();
  if (flags.length === 0) return null;
  const isClinician = CLINICIAN_ROLES.includes(user.role);
  return (
    <div className="nhsuk-warning-callout ww-risk" data-testid="risk-flag-banner">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>Risk flag: needs a clinician's review
        </span>
      </h2>
      {flags.map((flag) => (
        <div key={flag.id}>
          <p>
            {flag.reason} Raised {formatDate(flag.raisedOn)}.
          </p>
          {isClinician ? (
            <AcknowledgeForm flagId={flag.id} onDone={onAcknowledged} />
          ) : (
            <p>A physiotherapist, mental health practitioner or occupational therapist must review and acknowledge it.</p>
          )}
        </div>
      ))}
    </div>
  );
}

function AcknowledgeForm({ flagId, onDone }: { flagId: string; onDone: () => void }) {
  const api = useApi();
  const [note, setNote] = useState('');
  const save = useSubmit<Record<string, never>>((path) => `risk-${path}`);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('riskFlags.acknowledge', { flagId, note }), onDone);
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextareaInput
        id="risk-note"
        label="What was done about the risk"
        value={note}
        error={save.fieldErrors['risk-note']}
        onValueChange={setNote}
      />
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        Acknowledge risk flag
      </button>
    </form>
  );
}
