// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import { ADJUSTMENT_CATEGORIES, ADJUSTMENT_CATEGORY_LABELS } from '../../core/adjustments/adjustment-library';
import { AHP_FITNESS_LABELS, AHP_PROFESSION_LABELS, type AhpReport } from '../../core/schemas/ahp-report';
import { dateOr, type DocumentMeta } from './document-meta';
import { DocumentShell } from './document-shell';
import { DocumentTitle, Heading, SummaryRows, Table } from './document-parts';
import { personRows, type DocumentPerson } from './person-identity';
import { documentStyles } from './pdf-theme';

/**
 * The Allied Health Professions (AHP) Health and Work Report (RCOT / CSP layout): the person, the
 * advice (not fit / may be fit, with the four categories ticked or not), the period and follow-up,
 * the table of work-relevant difficulties with a recommendation and goal each, and the
 * practitioner's name, profession, HCPC number and organisation once signed.
 */
export function AhpReportDocument({ report, person, meta }: { report: AhpReport; person: DocumentPerson; meta: DocumentMeta }) {
  const styles = documentStyles(10.5);
  const practitioner = report.practitioner;
  return (
    <DocumentShell meta={meta} styles={styles} subject={person.name}>
      <DocumentTitle
        styles={styles}
        title="AHP Health and Work Report"
        subtitle="Advice from an allied health professional about fitness for work"
      />
      <SummaryRows
        styles={styles}
        rows={[
          // The report form asks for the name and date of birth only, not the NHS number or reference.
          ...personRows(person, false),
          ['Date assessed', dateOr(report.assessedOn, 'Not recorded')],
        ]}
      />

      <Heading styles={styles}>Advice</Heading>
      <View style={styles.callout}>
        <Text style={styles.bold}>{AHP_FITNESS_LABELS[report.fitness]}</Text>
      </View>
      {report.fitness === 'may_be_fit' ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={styles.paragraph}>The person may be fit for work with:</Text>
          {ADJUSTMENT_CATEGORIES.map((category) => (
            <Text key={category} style={{ marginBottom: 2 }}>
              {report.categories.includes(category) ? '[X]' : '[  ]'} {ADJUSTMENT_CATEGORY_LABELS[category]}
            </Text>
          ))}
        </View>
      ) : null}
      <SummaryRows
        styles={styles}
        rows={[
          ['This advice applies from', dateOr(report.periodFrom, '')],
          ['Until', dateOr(report.periodTo, '')],
          ['Follow-up', dateOr(report.followUpOn, 'No follow-up needed')],
        ]}
      />

      <Heading styles={styles}>Work-relevant difficulties</Heading>
      {report.difficulties.length === 0 ? (
        <Text style={styles.paragraph}>None listed.</Text>
      ) : (
        <Table
          styles={styles}
          columns={[
            { label: 'Difficulty at work', width: '34%' },
            { label: 'Recommendation', width: '33%' },
            { label: 'Goal', width: '33%' },
          ]}
          rows={report.difficulties.map((row) => [row.difficulty, row.recommendation, row.goal])}
        />
      )}

      <Heading styles={styles}>Practitioner</Heading>
      <SummaryRows
        styles={styles}
        rows={[
          ['Name', practitioner?.name ?? report.authorName],
          ['Profession', practitioner === null ? 'Not signed yet' : AHP_PROFESSION_LABELS[practitioner.profession]],
          ['HCPC registration', practitioner?.hcpcNumber ?? 'Not signed yet'],
          ['Organisation', report.organisation],
        ]}
      />
      <View style={styles.signature} wrap={false}>
        <Text>
          {report.signedAt === null
            ? 'Not signed: this report is a draft and is not valid advice yet.'
            : `Signed by ${practitioner?.name ?? report.authorName} on ${dateOr(report.signedAt, '')}.`}
        </Text>
      </View>
    </DocumentShell>
  );
}
