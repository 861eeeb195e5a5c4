import { useState } from 'react';
import type { RetentionItem } from '../../../core/schemas/retention';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { SummaryList } from '../../components/summary-list';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate, formatDateTime } from '../../format';
import { routeHref } from '../../routing';
import { LegalHoldTag } from './legal-hold-tag';
import { SettingsPage } from './settings-page';
import { useRetentionDue } from './use-retention-due';
import { offers } from '../../can-call';

/**
 * One record due for retention review: place or release a legal hold, or delete the record for
 * good after typing its reference. The services layer checks every rule again.
 */
export function RetentionRecordScreen({ id }: { id: string }) {
  const { items, error, reload } = useRetentionDue();
  const [deleted, setDeleted] = useState<{ reference: string } | undefined>(undefined);
  const item = items?.find((candidate) => candidate.participantId === id);

  if (deleted !== undefined) {
    return (
      <SettingsPage title="Record deleted" back="settings">
        <div className="nhsuk-panel" data-testid="retention-deleted">
          <h2 className="nhsuk-heading-m">Record {deleted.reference} has been deleted</h2>
          <p className="nhsuk-body">
            Everything held about this person has gone. The audit trail keeps a note that you deleted record {deleted.reference} and when,
            by reference only.
          </p>
        </div>
        <p className="nhsuk-body">
          <a className="nhsuk-link" href={routeHref({ name: 'retention' })}>
            Back to retention review
          </a>
        </p>
      </SettingsPage>
    );
  }

  return (
    <SettingsPage title={item === undefined ? 'Retention review' : `Retention review: ${item.reference}`} back="settings">
      <p className="nhsuk-body">
        <a className="nhsuk-link" href={routeHref({ name: 'retention' })}>
          All records due for retention review
        </a>
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      {items === undefined && error === undefined && <p className="nhsuk-body">Loading…</p>}
      {items !== undefined && item === undefined && (
        <p className="nhsuk-body">This record is not due for retention review. It may have been deleted already.</p>
      )}
      {item !== undefined && (
        <>
          <SummaryList
            rows={[
              ['Name', item.name],
              ['Reference', item.reference],
              ['Left the service', item.exitedOn === null ? 'Not left' : formatDate(item.exitedOn)],
              ['Last contact', formatDate(item.lastContactOn)],
              ['Rule used', item.rule],
              ['Due for review from', formatDate(item.reviewDueOn)],
              [
                'Legal hold',
                item.legalHold === null ? (
                  <LegalHoldTag hold={null} />
                ) : (
                  <>
                    <LegalHoldTag hold={item.legalHold} />
                    <p className="nhsuk-body nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">{item.legalHold.reason}</p>
                    <p className="ww-secondary-text">
                      Placed by {item.legalHold.placedByName}, {formatDateTime(item.legalHold.placedAt)}
                    </p>
                  </>
                ),
              ],
            ]}
          />
          {item.legalHold === null ? (
            <>
              <HoldForm item={item} onDone={() => void reload()} />
              <DeleteForm item={item} onDeleted={() => setDeleted({ reference: item.reference })} />
            </>
          ) : (
            <ReleaseForm item={item} onDone={() => void reload()} />
          )}
        </>
      )}
    </SettingsPage>
  );
}

function HoldForm({ item, onDone }: { item: RetentionItem; onDone: () => void }) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const save = useSubmit<unknown>((path) => `hold-${path}`);
  return (
    <form
      noValidate
      aria-labelledby="hold-heading"
      {...offers('retention.placeHold')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('retention.placeHold', { participantId: item.participantId, reason }), onDone);
      }}
    >
      <h2 className="nhsuk-heading-m" id="hold-heading">
        Keep this record: place a legal hold
      </h2>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextareaInput
        id="hold-reason"
        label="Why the record must be kept"
        hint="For example, a claim, a complaint or an inquiry, with its reference."
        value={reason}
        error={save.fieldErrors['hold-reason']}
        onValueChange={setReason}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={save.busy}>
        Place a legal hold
      </button>
    </form>
  );
}

function ReleaseForm({ item, onDone }: { item: RetentionItem; onDone: () => void }) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const save = useSubmit<unknown>((path) => `release-${path}`);
  return (
    <form
      noValidate
      aria-labelledby="release-heading"
      {...offers('retention.releaseHold')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('retention.releaseHold', { participantId: item.participantId, reason }), onDone);
      }}
    >
      <h2 className="nhsuk-heading-m" id="release-heading">
        Release the legal hold
      </h2>
      <p className="nhsuk-body">
        This record cannot be deleted while the hold is in place. Release it only when the reason no longer applies.
      </p>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextareaInput
        id="release-reason"
        label="Why the hold no longer applies"
        value={reason}
        error={save.fieldErrors['release-reason']}
        onValueChange={setReason}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={save.busy}>
        Release the legal hold
      </button>
    </form>
  );
}

function DeleteForm({ item, onDeleted }: { item: RetentionItem; onDeleted: () => void }) {
  const api = useApi();
  const [confirmReference, setConfirmReference] = useState('');
  const save = useSubmit<unknown>((path) => (path === 'confirmReference' ? 'delete-confirm-reference' : `delete-${path}`));
  return (
    <form
      noValidate
      aria-labelledby="delete-heading"
      {...offers('retention.purge')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('retention.purge', { participantId: item.participantId, confirmReference }), onDeleted);
      }}
    >
      <h2 className="nhsuk-heading-m" id="delete-heading">
        Delete this record
      </h2>
      <div className="nhsuk-warning-callout">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            This cannot be undone
          </span>
        </h3>
        <p>
          Everything held about {item.name} is deleted: their details, referral, consent, assessments, outcome measures, plans and reviews.
          The audit trail keeps a note of who deleted the record and when, by reference only.
        </p>
      </div>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      <TextInput
        id="delete-confirm-reference"
        label={`To confirm, type the record's reference, ${item.reference}`}
        autoComplete="off"
        spellCheck={false}
        className="nhsuk-input--width-10"
        value={confirmReference}
        error={save.fieldErrors['delete-confirm-reference']}
        onValueChange={setConfirmReference}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={save.busy}>
        Delete this record permanently
      </button>
    </form>
  );
}
