// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import type { EmployerView } from '../../core/schemas/employer-view';
import { dateOr, type DocumentMeta } from './document-meta';
import { DocumentShell } from './document-shell';
import { Bullets, DocumentTitle, Heading, SummaryRows, Table } from './document-parts';
import { documentStyles } from './pdf-theme';
import { employerContactLine } from '../../core/adjustments/employer-view';

/**
 * The employer adjustments letter and workplace adjustments passport. Its ONLY input is the
 * employer view (core/adjustments/employer-view.ts), the allow-listed model that carries
 * functional needs and adjustments and never a diagnosis, score, risk flag or clinical note: this
 * component cannot print what it is never given.
 */
export function EmployerLetterDocument({ view, meta }: { view: EmployerView; meta: DocumentMeta }) {
  const styles = documentStyles(10.5);
  return (
    <DocumentShell meta={meta} styles={styles} subject={view.employeeName}>
      <DocumentTitle
        styles={styles}
        title="Workplace adjustments passport"
        subtitle={`For ${view.employeeName}${view.employerName === null ? '' : ` at ${view.employerName}`}`}
      />
      {meta.draft ? (
        <View style={styles.callout}>
          <Text>
            This is a draft for {view.employeeName} to read and approve ({meta.draftNote ?? 'not agreed'}). Do not send it to the employer.
          </Text>
        </View>
      ) : null}
      <Text style={styles.paragraph}>To the line manager{view.employerName === null ? '' : ` at ${view.employerName}`},</Text>
      <Text style={styles.paragraph}>
        {view.employeeName} is being supported by the WorkWell service and has agreed that we share this with you. It describes what they
        need at work and the adjustments that would help them stay in or return to work. It holds no medical information. Please keep it
        with their record and review it with them by the date below.
      </Text>

      <Heading styles={styles}>What they need at work</Heading>
      {view.functionalNeeds.length === 0 ? (
        <Text style={styles.paragraph}>None recorded.</Text>
      ) : (
        <Bullets styles={styles} items={view.functionalNeeds} />
      )}

      <Heading styles={styles}>Adjustments</Heading>
      {view.adjustments.length === 0 ? (
        <Text style={styles.paragraph}>No adjustments are recommended at the moment.</Text>
      ) : (
        <Table
          styles={styles}
          columns={[
            { label: 'Adjustment', width: '27%' },
            { label: 'What it helps with', width: '27%' },
            { label: 'From', width: '15%' },
            { label: 'For', width: '10%' },
            { label: 'Review by', width: '21%' },
          ]}
          rows={view.adjustments.map((adjustment) => [
            `${adjustment.recommendation}\n${adjustment.categoryLabel}`,
            adjustment.functionalNeed,
            dateOr(adjustment.startOn, ''),
            `${adjustment.durationWeeks} ${adjustment.durationWeeks === 1 ? 'week' : 'weeks'}`,
            `${dateOr(adjustment.reviewOn, '')}\n${adjustment.statusLabel}`,
          ])}
        />
      )}

      {view.gradedReturn === null ? null : (
        <View>
          <Heading styles={styles}>Phased return, week by week</Heading>
          <Text style={styles.paragraph}>
            Starting {dateOr(view.gradedReturn.startOn, '')}
            {view.gradedReturn.contractedHoursPerWeek === null
              ? ''
              : `, building up to the contracted ${view.gradedReturn.contractedHoursPerWeek} hours a week`}
            .
          </Text>
          <Table
            styles={styles}
            columns={[
              { label: 'Week', width: '12%' },
              { label: 'Starts', width: '25%' },
              { label: 'Hours', width: '13%' },
              { label: 'Duties', width: '50%' },
            ]}
            rows={view.gradedReturn.weeks.map((week) => [
              String(week.weekNumber),
              dateOr(week.startsOn, ''),
              String(week.hours),
              week.duties,
            ])}
          />
        </View>
      )}

      <Heading styles={styles}>Review and contact</Heading>
      <SummaryRows
        styles={styles}
        rows={[
          ['Review these adjustments by', dateOr(view.reviewOn, 'No review date set')],
          ['Contact', employerContactLine(view.contact)],
        ]}
      />
      <View style={styles.callout}>
        <Text>{view.notice}</Text>
      </View>
    </DocumentShell>
  );
}
