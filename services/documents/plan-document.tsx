// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import { dateOr, type DocumentMeta } from './document-meta';
import { DocumentShell } from './document-shell';
import { Bullets, DocumentTitle, Heading, SummaryRows, Table } from './document-parts';
import type { PlanDocumentModel } from './plan-document-model';
import { documentStyles } from './pdf-theme';

/** 10.5 pt normally; 16 pt for large print (RNIB's minimum for large print). */
const NORMAL_SIZE = 10.5;
const LARGE_PRINT_SIZE = 16;

/**
 * The person's action plan in plain English: their goals in their own words, who does what by
 * when, the review date and who to contact. Large print sets everything at 16 pt and lists the
 * actions one after another instead of in a table, so nothing is squeezed into narrow columns.
 */
export function PlanDocument({ model, meta, largePrint }: { model: PlanDocumentModel; meta: DocumentMeta; largePrint: boolean }) {
  const styles = documentStyles(largePrint ? LARGE_PRINT_SIZE : NORMAL_SIZE);
  return (
    <DocumentShell meta={meta} styles={styles} subject={model.personName}>
      <DocumentTitle
        styles={styles}
        title={`Your action plan, ${model.personName}`}
        subtitle={`Reference ${model.reference} · Version ${model.versionNumber} · ${model.statusLabel}`}
      />
      <View style={styles.callout}>
        {meta.draft ? (
          <Text>
            This is a draft of your plan: it has not been agreed yet. The WorkWell team will go through it with you before it is agreed, and
            it may change. It says what each person would do and by when. If anything here is wrong or not right for you, tell your contact
            below.
          </Text>
        ) : (
          <Text>
            This is the plan you and the WorkWell team agreed to help you stay in or get back to work. It says what each person will do and
            by when. If anything here is wrong or no longer right for you, tell your contact below.
          </Text>
        )}
      </View>

      <Heading styles={styles}>Your goals, in your words</Heading>
      {model.goals.length === 0 ? (
        <Text style={styles.paragraph}>No goals have been written down yet.</Text>
      ) : (
        <Bullets styles={styles} items={model.goals} />
      )}

      <Heading styles={styles}>Who will do what, and by when</Heading>
      {model.actions.length === 0 ? (
        <Text style={styles.paragraph}>No actions have been added yet.</Text>
      ) : largePrint ? (
        model.actions.map((action, index) => (
          <View key={index} wrap={false} style={{ marginBottom: 10 }}>
            <Text style={styles.subheading}>
              {index + 1}. {action.what}
            </Text>
            <SummaryRows
              styles={styles}
              rows={[
                ['Who', `${action.who} (${action.discipline})`],
                ['By when', dateOr(action.dueOn, 'To be agreed')],
                ['Where it stands', action.status],
                ...(action.service === null ? [] : [['Service', serviceLine(action.service)] as const]),
              ]}
            />
          </View>
        ))
      ) : (
        <Table
          styles={styles}
          columns={[
            { label: 'What will happen', width: '40%' },
            { label: 'Who', width: '24%' },
            { label: 'By when', width: '18%' },
            { label: 'Where it stands', width: '18%' },
          ]}
          rows={model.actions.map((action) => [
            action.service === null ? action.what : `${action.what}\n${action.kind}: ${serviceLine(action.service)}`,
            `${action.who}\n${action.discipline}`,
            dateOr(action.dueOn, 'To be agreed'),
            action.status,
          ])}
        />
      )}

      <Heading styles={styles}>When we will look at the plan again</Heading>
      <SummaryRows
        styles={styles}
        rows={[
          ['Review date', dateOr(model.reviewOn, 'Not set yet')],
          ['Agreed by the team', dateOr(model.agreedByMdtOn, 'Not yet')],
          ['Agreed with you', dateOr(model.agreedWithPersonOn, 'Not yet')],
        ]}
      />

      <Heading styles={styles}>Who to contact</Heading>
      {model.contacts.length === 0 ? (
        <Text style={styles.paragraph}>Contact the WorkWell team that gave you this plan.</Text>
      ) : (
        <SummaryRows
          styles={styles}
          rows={model.contacts.map(
            (contact) =>
              [
                contact.name,
                [contact.role, contact.phone, contact.email].filter((part) => part !== null && part !== '').join(' · '),
              ] as const,
          )}
        />
      )}
    </DocumentShell>
  );
}

function serviceLine(service: NonNullable<PlanDocumentModel['actions'][number]['service']>): string {
  return [service.name, service.phone, service.email, service.website].filter((part) => part !== null && part !== '').join(' · ');
}
