import { useCallback, useEffect, useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditActionName, type AuditEntry, type AuditVerification } from '../../../core/schemas/audit';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { ListTable } from '../../components/list-table';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { formatDateTime } from '../../format';
import { SettingsPage } from './settings-page';

const PAGE_SIZE = 50;

/** The audit trail for administrators: who did what and when, newest first, and a check of the hash chain. */
export function AuditScreen() {
  const api = useApi();
  const [username, setUsername] = useState('');
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [verification, setVerification] = useState<AuditVerification | 'checking' | undefined>(undefined);

  const load = useCallback(
    async (beforeSeq?: number) => {
      const result = await api.call('audit.search', {
        ...(username.trim() === '' ? {} : { username: username.trim() }),
        ...(action === '' ? {} : { action: action as AuditActionName }),
        ...(beforeSeq === undefined ? {} : { beforeSeq }),
        limit: PAGE_SIZE,
      });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(undefined);
      setEntries((current) => (beforeSeq === undefined ? result.value.entries : [...current, ...result.value.entries]));
      setNextBeforeSeq(result.value.nextBeforeSeq);
    },
    [api, username, action],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <SettingsPage title="Audit trail" back="settings">
      <p className="nhsuk-body">
        Every view, change, signature, sign-in and lock, newest first. Entries cannot be changed or removed; the check below proves it.
      </p>
      <ErrorSummary fieldErrors={{}} message={error} />
      <div className="ww-actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={verification === 'checking'}
          onClick={() => {
            setVerification('checking');
            void api.call('audit.verify', {}).then((result) => setVerification(result.ok ? result.value : undefined));
          }}
        >
          Check the audit trail is intact
        </button>
        <p role="status" className="nhsuk-body" data-testid="audit-verification">
          {verification === 'checking' && 'Checking every entry…'}
          {verification !== undefined &&
            verification !== 'checking' &&
            (verification.intact
              ? `Intact: all ${verification.entries.toLocaleString('en-GB')} entries verified, every signature checked.`
              : `Broken${verification.firstBreak === null ? '' : ` at entry ${verification.firstBreak.seq} (${verification.firstBreak.problem.replaceAll('_', ' ')})`}. Report this to your information governance lead.`)}
        </p>
        {verification !== undefined && verification !== 'checking' && verification.findings.length > 0 && (
          <ul className="nhsuk-list nhsuk-list--bullet" data-testid="audit-findings">
            {verification.findings.map((finding) => (
              <li key={`${finding.kind}-${finding.fromSeq}`}>{finding.message}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="ww-actions">
        <TextInput id="audit-username" label="Username" value={username} onValueChange={setUsername} />
        <SelectInput
          id="audit-action"
          label="Action"
          placeholder="Any action"
          value={action}
          options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          onValueChange={setAction}
        />
      </div>
      <ListTable
        caption="Audit entries, newest first"
        testId="audit-table"
        rows={entries}
        rowKey={(entry) => entry.seq}
        columns={[
          { header: 'When', cell: (entry) => formatDateTime(entry.at) },
          { header: 'Who', cell: (entry) => entry.username ?? 'Unknown' },
          {
            header: 'What',
            cell: (entry) => (
              <>
                {AUDIT_ACTION_LABELS[entry.action]}
                <span className="ww-secondary-text">{entry.channel}</span>
              </>
            ),
          },
          { header: 'Person', cell: (entry) => entry.participantReference ?? '' },
          { header: 'Outcome', cell: (entry) => (entry.outcome === 'ok' ? 'Done' : entry.outcome.replaceAll('_', ' ').toLowerCase()) },
        ]}
      />
      {nextBeforeSeq !== null && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void load(nextBeforeSeq)}>
          Show older entries
        </button>
      )}
    </SettingsPage>
  );
}
