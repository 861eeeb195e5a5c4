import { useState } from 'react';
import { todayInLondon } from '../../../core/clock';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactEntry } from '../../../core/schemas/contact-log';
import { useApi } from '../../api/api-context';
import { canCall, offers } from '../../can-call';
import { CheckboxInput } from '../../components/checkbox-input';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { SelectInput } from '../../components/select-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session-context';
import { options } from './person-and-work-fields';

/** Field paths of `contacts.add` become the form's input ids. */
const contactFieldId = (path: string) => `contact-${path}`;

/** Adds one contact to the log: the date (NHS date input), the kind, did not attend, and the outcome. */
function AddContactForm({ participantId, onDone, onCancel }: { participantId: string; onDone: () => void; onCancel: () => void }) {
  const api = useApi();
  const [contactOn, setContactOn] = useState(todayInLondon());
  const [kind, setKind] = useState('');
  const [didNotAttend, setDidNotAttend] = useState(false);
  const [outcome, setOutcome] = useState('');
  const save = useSubmit<ContactEntry>(contactFieldId);
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="add-contact-heading"
      {...offers('contacts.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('contacts.add', { participantId, contactOn, kind: kind as never, didNotAttend, outcome }), onDone);
      }}
    >
      <h3 className="nhsuk-heading-s" id="add-contact-heading">
        Log a contact
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <DateInput
        id="contact-contactOn"
        label="Date"
        value={contactOn}
        error={save.fieldErrors['contact-contactOn']}
        onValueChange={setContactOn}
      />
      <SelectInput
        id="contact-kind"
        label="Kind of contact"
        value={kind}
        placeholder="Choose the kind"
        options={options(CONTACT_KINDS, CONTACT_KIND_LABELS)}
        error={save.fieldErrors['contact-kind']}
        onValueChange={setKind}
      />
      <CheckboxInput id="contact-didNotAttend" label="The person did not attend" checked={didNotAttend} onCheckedChange={setDidNotAttend} />
      <TextareaInput
        id="contact-outcome"
        label="Outcome"
        value={outcome}
        error={save.fieldErrors['contact-outcome']}
        onValueChange={setOutcome}
      />
      <FormActions submitLabel="Save contact" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}

/** The contact log, newest first, and (for those who may) a form to add to it. Entries are never changed. */
export function ContactLogSection({
  participantId,
  contacts,
  onChanged,
}: {
  participantId: string;
  contacts: readonly ContactEntry[];
  onChanged: () => void;
}) {
  const { user } = useSession();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="contact-log-heading">
      <h2 className="nhsuk-heading-m" id="contact-log-heading">
        Contact log
      </h2>
      {contacts.length === 0 ? (
        <p className="nhsuk-body">No contacts logged yet.</p>
      ) : (
        <table className="nhsuk-table" data-testid="contact-log">
          <caption className="nhsuk-u-visually-hidden">Contacts, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Outcome</th>
              <th scope="col">Logged by</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {contacts.map((contact) => (
              <tr key={contact.id}>
                <td>{formatDate(contact.contactOn)}</td>
                <td>
                  {CONTACT_KIND_LABELS[contact.kind]}
                  {contact.didNotAttend && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--orange">Did not attend</strong>
                    </>
                  )}
                </td>
                <td>{contact.outcome}</td>
                <td>
                  {contact.recordedByName}, {formatDateTime(contact.recordedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canCall('contacts.add', user.role) &&
        (adding ? (
          <AddContactForm
            participantId={participantId}
            onDone={() => {
              setAdding(false);
              onChanged();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('contacts.add')}
            onClick={() => setAdding(true)}
          >
            Log a contact
          </button>
        ))}
    </section>
  );
}
