import { useState } from 'react';
import { RISK_ACTION_LABELS, RISK_ACTIONS, type RiskAction } from '../../../core/schemas/risk-flag';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { offers } from '../../can-call';

const ACTION_OPTIONS = RISK_ACTIONS.map((action) => ({ value: action, label: RISK_ACTION_LABELS[action] }));

/** A clinician who may acknowledge, as meeting mode offers them. */
export interface QualifiedClinician {
  readonly username: string;
  readonly displayName: string;
}

/**
 * Acknowledges one flag: the action taken and a note. With `clinicians` (meeting mode) a qualified
 * clinician present chooses their name and confirms with their own passphrase; the chair stays
 * signed in and the acknowledgement is theirs.
 */
export function RiskAcknowledgeForm({
  flagId,
  idPrefix,
  clinicians,
  onDone,
}: {
  flagId: string;
  idPrefix: string;
  clinicians?: readonly QualifiedClinician[];
  onDone: () => void;
}) {
  const api = useApi();
  const [action, setAction] = useState('');
  const [note, setNote] = useState('');
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const save = useSubmit<unknown>((path) => `${idPrefix}-${path}`);
  const inMeeting = clinicians !== undefined;
  const fields = { flagId, action: action as RiskAction, note };
  return (
    <form
      noValidate
      {...offers(inMeeting ? 'riskFlags.acknowledgeInMeeting' : 'riskFlags.acknowledge')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            inMeeting
              ? api.call('riskFlags.acknowledgeInMeeting', { ...fields, username, passphrase })
              : api.call('riskFlags.acknowledge', fields),
          () => {
            setPassphrase('');
            onDone();
          },
        );
      }}
    >
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {inMeeting && (
        <SelectInput
          id={`${idPrefix}-username`}
          label="Clinician acknowledging"
          hint="The mental health practitioner or a clinical lead who is here"
          placeholder="Choose your name"
          value={username}
          options={clinicians.map((clinician) => ({ value: clinician.username, label: clinician.displayName }))}
          error={save.fieldErrors[`${idPrefix}-username`]}
          onValueChange={setUsername}
        />
      )}
      <SelectInput
        id={`${idPrefix}-action`}
        label="Action taken"
        placeholder="Choose the action taken"
        value={action}
        options={ACTION_OPTIONS}
        error={save.fieldErrors[`${idPrefix}-action`]}
        onValueChange={setAction}
      />
      <TextareaInput
        id={`${idPrefix}-note`}
        label="What was done about the risk"
        value={note}
        error={save.fieldErrors[`${idPrefix}-note`]}
        onValueChange={setNote}
      />
      {inMeeting && (
        <TextInput
          id={`${idPrefix}-passphrase`}
          label="Your passphrase"
          hint="Your own, the one you sign in with: the chair stays signed in"
          type="password"
          autoComplete="off"
          value={passphrase}
          error={save.fieldErrors[`${idPrefix}-passphrase`]}
          onValueChange={setPassphrase}
        />
      )}
      <button type="submit" className="nhsuk-button" disabled={save.busy}>
        {inMeeting ? 'Acknowledge as this clinician' : 'Acknowledge risk flag'}
      </button>
    </form>
  );
}
