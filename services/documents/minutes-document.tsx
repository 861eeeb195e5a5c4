// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import { AGENDA_ITEM_STATUS_LABELS, type MeetingMinutes } from '../../core/schemas/meetings';
import { dateOr, type DocumentMeta } from './document-meta';
import { DocumentShell } from './document-shell';
import { DocumentTitle, Heading, SummaryRows, Table } from './document-parts';
import { documentStyles } from './pdf-theme';

/**
 * The MDT meeting minutes, printed from the minutes model as it is: attendance, then per case its
 * outcome, the notes and decisions, and the plan agreed at the meeting with every action, its
 * owner and due date.
 */
export function MinutesDocument({ minutes, meta }: { minutes: MeetingMinutes; meta: DocumentMeta }) {
  const styles = documentStyles(10);
  const people = (list: MeetingMinutes['present']) =>
    list.length === 0
      ? 'None recorded'
      : list.map((person) => (person.role === '' ? person.name : `${person.name} (${person.role})`)).join(', ');
  return (
    <DocumentShell meta={meta} styles={styles}>
      <DocumentTitle
        styles={styles}
        title="MDT meeting minutes"
        subtitle={`${dateOr(minutes.heldOn, '')} at ${minutes.startsAt} · ${minutes.status === 'ended' ? 'Meeting ended' : 'Meeting not ended yet'}`}
      />
      <SummaryRows
        styles={styles}
        rows={[
          ['Chair', minutes.chairName],
          ['Present', minutes.attendanceRecorded ? people(minutes.present) : 'Attendance not recorded'],
          ['Apologies', minutes.attendanceRecorded ? people(minutes.apologies) : 'Attendance not recorded'],
          ['Cases', String(minutes.cases.length)],
          ...(minutes.rolledForwardTo === null
            ? []
            : [['Cases not reached moved to', dateOr(minutes.rolledForwardTo.heldOn, '')] as const]),
        ]}
      />
      {minutes.cases.map((item, index) => (
        <View key={item.itemId}>
          <Heading styles={styles}>{`${index + 1}. ${item.name} (${item.reference})`}</Heading>
          <SummaryRows
            styles={styles}
            rows={[
              ['Outcome', AGENDA_ITEM_STATUS_LABELS[item.status]],
              ['Discussion notes', item.notes.trim() === '' ? 'None' : item.notes],
              ['Decisions', item.decisions.trim() === '' ? 'None' : item.decisions],
              [
                'Plan agreed',
                item.plan === null
                  ? 'No plan agreed at this meeting'
                  : `Version ${item.plan.versionNumber}, checked by ${item.plan.checkedByName}; review ${dateOr(item.plan.reviewOn, 'not set')}`,
              ],
            ]}
          />
          {item.plan === null ? null : (
            <View>
              {item.plan.goals.length === 0 ? null : <Text style={styles.paragraph}>Goals: {item.plan.goals.join('; ')}</Text>}
              <Table
                styles={styles}
                columns={[
                  { label: 'Action', width: '40%' },
                  { label: 'Discipline', width: '20%' },
                  { label: 'Owner', width: '22%' },
                  { label: 'Due', width: '18%' },
                ]}
                rows={item.plan.actions.map((action) => [
                  action.serviceName === null ? action.description : `${action.description} (${action.kind}: ${action.serviceName})`,
                  action.disciplineLabel,
                  action.ownerName,
                  dateOr(action.dueOn, 'Not set'),
                ])}
              />
            </View>
          )}
        </View>
      ))}
    </DocumentShell>
  );
}
