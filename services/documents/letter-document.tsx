// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import { dateOr, type DocumentMeta } from './document-meta';
import { DocumentShell } from './document-shell';
import { Bullets, DocumentTitle, Heading, SummaryRows, Table } from './document-parts';
import type { CaseClosedContent, LetterModel, PlanAgreedContent } from './letter-model';
import { personRows } from './person-identity';
import { documentStyles, type DocumentStyles } from './pdf-theme';

/** The agreed plan in plain words: the person's goals, then who does what by when, and the review date. */
function PlanAgreedBody({ styles, name, content }: { styles: DocumentStyles; name: string; content: PlanAgreedContent }) {
  return (
    <View>
      <Text style={styles.paragraph}>
        The WorkWell team agreed a plan with {name}
        {content.agreedOn === null ? '' : ` on ${dateOr(content.agreedOn.slice(0, 10), '')}`}. This is what it says.
      </Text>
      <Heading styles={styles}>{`What ${name} wants to achieve`}</Heading>
      {content.goals.length === 0 ? (
        <Text style={styles.paragraph}>No goals are written in the plan.</Text>
      ) : (
        <Bullets styles={styles} items={content.goals} />
      )}
      <Heading styles={styles}>What will happen</Heading>
      {content.actions.length === 0 ? (
        <Text style={styles.paragraph}>The plan has no actions.</Text>
      ) : (
        <Table
          styles={styles}
          columns={[
            { label: 'What will happen', width: '50%' },
            { label: 'Who', width: '30%' },
            { label: 'By', width: '20%' },
          ]}
          rows={content.actions.map((action) => [
            action.serviceName === null ? action.what : `${action.what} (${action.serviceName})`,
            `${action.who}\n${action.discipline}`,
            dateOr(action.dueOn, 'No date set'),
          ])}
        />
      )}
      <SummaryRows styles={styles} rows={[['The team will review the plan by', dateOr(content.reviewOn, 'No review date set')]]} />
    </View>
  );
}

/** How the case closed: when, why and the employment outcome. */
function CaseClosedBody({ styles, name, content }: { styles: DocumentStyles; name: string; content: CaseClosedContent }) {
  return (
    <View>
      <Text style={styles.paragraph}>{name}’s support from the WorkWell service has now ended.</Text>
      <SummaryRows
        styles={styles}
        rows={[
          ['Support ended on', dateOr(content.closedOn, '')],
          ['Why it ended', content.reason],
          ['Employment outcome', content.employmentOutcome],
        ]}
      />
    </View>
  );
}

/**
 * A letter to the person's GP practice or to whoever referred them: the plan agreed or the case
 * closed. It prints only the model (who the person is, and the plan or the closure), in the same
 * layout, header and footer as every other document.
 */
export function LetterDocument({ model, meta }: { model: LetterModel; meta: DocumentMeta }) {
  const styles = documentStyles(10.5);
  const { person, content } = model;
  return (
    <DocumentShell meta={meta} styles={styles} subject={person.reference}>
      <DocumentTitle
        styles={styles}
        title={content.kind === 'plan_agreed' ? 'Action plan agreed' : 'Support from WorkWell has ended'}
        subtitle={`To ${model.addressedTo}`}
      />
      <SummaryRows styles={styles} rows={personRows(person, true)} />
      <Text style={styles.paragraph}>{model.salutation}</Text>
      <Text style={styles.paragraph}>
        {person.name} has been supported by the WorkWell service
        {model.referredOn === null ? '' : ` since their referral on ${dateOr(model.referredOn, '')}`}. They have agreed that we write to you
        about their support.
      </Text>
      {content.kind === 'plan_agreed' ? (
        <PlanAgreedBody styles={styles} name={person.name} content={content} />
      ) : (
        <CaseClosedBody styles={styles} name={person.name} content={content} />
      )}
      <Heading styles={styles}>Contact</Heading>
      <Text style={styles.paragraph}>
        {model.contact === null
          ? `Please contact the WorkWell team at ${meta.organisation} with any questions.`
          : `Please contact ${model.contact.name} (${model.contact.role})${[model.contact.phone, model.contact.email]
              .filter((item) => item !== null && item !== '')
              .map((item) => `, ${item}`)
              .join('')} with any questions.`}
      </Text>
      <View style={styles.signature}>
        <Text>Yours sincerely,</Text>
        <Text style={styles.bold}>{meta.generatedBy}</Text>
        <Text>For the WorkWell team, {meta.organisation}</Text>
      </View>
    </DocumentShell>
  );
}
