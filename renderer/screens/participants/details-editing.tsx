import { useState } from 'react';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { canCall, offers } from '../../can-call';
import { useSession } from '../../session-context';
import { DetailsHistory } from './details-history';
import { EditDetailsForm } from './edit-details-form';

/** "Change details and work" for those who may, and the details' earlier versions for everyone. */
export function DetailsEditing({ record, onChanged }: { record: ParticipantView; onChanged: () => void }) {
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <DetailsHistory edits={record.detailsEdits} />
      {canCall('participants.editDetails', user.role) &&
        (editing ? (
          <EditDetailsForm
            participantId={record.id}
            version={record.detailsVersion}
            details={record}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onConflict={onChanged}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            {...offers('participants.editDetails')}
            onClick={() => setEditing(true)}
          >
            Change details and work
          </button>
        ))}
    </>
  );
}
