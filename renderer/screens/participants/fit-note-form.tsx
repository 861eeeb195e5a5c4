import { useEffect, useState } from 'react';
import { ADJUSTMENT_CATEGORIES, ADJUSTMENT_CATEGORY_LABELS, type AdjustmentCategory } from '../../../core/adjustments/adjustment-library';
import {
  FIT_NOTE_FITNESS_LABELS,
  FIT_NOTE_ISSUER_SETTING_LABELS,
  FIT_NOTE_ISSUER_SETTINGS,
  FIT_NOTE_PROFESSION_LABELS,
  FIT_NOTE_PROFESSIONS,
  type FitNote,
  type FitNoteFitness,
} from '../../../core/schemas/fit-note';
import { useApi } from '../../api/api-context';
import { offers } from '../../can-call';
import { CheckboxGroup } from '../../components/checkbox-group';
import { CheckboxInput } from '../../components/checkbox-input';
import { DateInput } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { RadioGroup } from '../../components/radio-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { formatDate } from '../../format';

type Answer = '' | 'yes' | 'no';

/** Where each field's message goes: the id of the field (a group's first choice) the error summary links to. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  issuedOn: 'fit-note-issued',
  periodFrom: 'fit-note-from',
  periodTo: 'fit-note-to',
  fitness: 'fit-note-fitness-not_fit',
  categories: `fit-note-categories-${ADJUSTMENT_CATEGORIES[0]}`,
  comments: 'fit-note-comments',
  reviewNeeded: 'fit-note-review-yes',
  issuerSetting: 'fit-note-setting',
  issuerProfession: 'fit-note-profession',
  issuerName: 'fit-note-issuer-name',
  fromConversation: 'fit-note-conversation-yes',
  correctionReason: 'fit-note-reason',
  replacesId: 'fit-note-reason',
};

function fieldIdFor(path: string): string {
  return FIELD_IDS[path.split('.')[0] ?? path] ?? path;
}

const answerOf = (value: boolean | undefined): Answer => (value === undefined ? '' : value ? 'yes' : 'no');
const booleanOf = (answer: Answer): boolean | undefined => (answer === '' ? undefined : answer === 'yes');

export interface FitNoteFormProps {
  readonly participantId: string;
  /** The fit note being corrected: the form starts from what it says and asks why. */
  readonly correcting?: FitNote | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/**
 * Records a fit note as it reads (issue 20 item 2): the date issued, the period, not fit or may be
 * fit with the advice ticked and comments, whether the issuer will assess again, who issued it and
 * whether it came from a fit-note conversation. Correcting one starts from its answers and adds a
 * reason; the services layer checks everything again and the messages come back beside each field.
 */
export function FitNoteForm({ participantId, correcting, onDone, onCancel }: FitNoteFormProps) {
  const api = useApi();
  const [issuedOn, setIssuedOn] = useState(correcting?.issuedOn ?? '');
  const [periodFrom, setPeriodFrom] = useState(correcting?.periodFrom ?? '');
  const [periodTo, setPeriodTo] = useState(correcting?.periodTo ?? '');
  // "No end date (indefinite)" is a choice of its own, so a forgotten end date is still asked for.
  const [noEndDate, setNoEndDate] = useState(correcting !== undefined && correcting.periodTo === null);
  const [fitness, setFitness] = useState<FitNoteFitness | ''>(correcting?.fitness ?? '');
  const [categories, setCategories] = useState<AdjustmentCategory[]>(correcting?.categories ?? []);
  const [comments, setComments] = useState(correcting?.comments ?? '');
  const [reviewNeeded, setReviewNeeded] = useState<Answer>(answerOf(correcting?.reviewNeeded));
  const [issuerSetting, setIssuerSetting] = useState<string>(correcting?.issuerSetting ?? '');
  const [issuerProfession, setIssuerProfession] = useState<string>(correcting?.issuerProfession ?? '');
  const [issuerName, setIssuerName] = useState(correcting?.issuerName ?? '');
  const [fromConversation, setFromConversation] = useState<Answer>(answerOf(correcting?.fromConversation));
  const [reason, setReason] = useState('');
  const save = useSubmit<FitNote>(fieldIdFor);
  const errors = save.fieldErrors;
  // Opened from a button that then goes: the keyboard continues in the form's first field.
  useEffect(() => document.getElementById('fit-note-issued')?.focus(), []);
  const heading = correcting === undefined ? 'Record a fit note' : `Correct the fit note issued on ${formatDate(correcting.issuedOn)}`;

  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="fit-note-form-heading"
      data-testid="fit-note-form"
      {...offers('fitNotes.record')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(
          () =>
            api.call('fitNotes.record', {
              participantId,
              issuedOn,
              periodFrom,
              periodTo: noEndDate ? null : periodTo,
              // Unanswered questions go as missing, so the contract names each one.
              fitness: (fitness === '' ? undefined : fitness) as FitNoteFitness,
              categories: fitness === 'may_be_fit' ? categories : [],
              comments,
              reviewNeeded: booleanOf(reviewNeeded) as boolean,
              issuerSetting: (issuerSetting === '' ? undefined : issuerSetting) as never,
              issuerProfession: (issuerProfession === '' ? undefined : issuerProfession) as never,
              issuerName,
              fromConversation: booleanOf(fromConversation) as boolean,
              ...(correcting === undefined ? {} : { replacesId: correcting.id, correctionReason: reason }),
            }),
          onDone,
        );
      }}
    >
      <h3 className="nhsuk-heading-s" id="fit-note-form-heading">
        {heading}
      </h3>
      <ErrorSummary fieldErrors={errors} message={save.message} />
      <DateInput id="fit-note-issued" label="Date issued" value={issuedOn} error={errors['fit-note-issued']} onValueChange={setIssuedOn} />
      <DateInput
        id="fit-note-from"
        label="Period from"
        hint="The first day the fit note covers. For example, 2 11 2026"
        value={periodFrom}
        error={errors['fit-note-from']}
        onValueChange={setPeriodFrom}
      />
      {!noEndDate && (
        <DateInput
          id="fit-note-to"
          label="Period to"
          hint="The last day it covers. A note that says “for 4 weeks” covers 28 days from its first day."
          value={periodTo}
          error={errors['fit-note-to']}
          onValueChange={setPeriodTo}
        />
      )}
      <CheckboxInput id="fit-note-no-end" label="No end date (indefinite)" checked={noEndDate} onCheckedChange={setNoEndDate} />
      <RadioGroup
        name="fit-note-fitness"
        legend="The fit note says"
        value={fitness}
        error={errors[FIELD_IDS.fitness ?? '']}
        onValueChange={setFitness}
        options={[
          { value: 'not_fit', label: FIT_NOTE_FITNESS_LABELS.not_fit },
          { value: 'may_be_fit', label: `${FIT_NOTE_FITNESS_LABELS.may_be_fit}, taking account of the advice` },
        ]}
      />
      {fitness === 'may_be_fit' && (
        <CheckboxGroup
          name="fit-note-categories"
          legend="Advice ticked on the fit note"
          hint="Tick any that apply"
          values={categories}
          error={errors[FIELD_IDS.categories ?? '']}
          options={ADJUSTMENT_CATEGORIES.map((value) => ({ value, label: ADJUSTMENT_CATEGORY_LABELS[value] }))}
          onValuesChange={setCategories}
        />
      )}
      <TextareaInput
        id="fit-note-comments"
        label="Comments on the fit note (optional)"
        hint="As written, including any functional effects of the condition"
        value={comments}
        error={errors['fit-note-comments']}
        onValueChange={setComments}
      />
      <RadioGroup
        name="fit-note-review"
        legend="Will the issuer need to assess their fitness for work again?"
        value={reviewNeeded}
        error={errors[FIELD_IDS.reviewNeeded ?? '']}
        onValueChange={setReviewNeeded}
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
      <SelectInput
        id="fit-note-setting"
        label="Issued by"
        value={issuerSetting}
        placeholder="Choose who issued it"
        options={FIT_NOTE_ISSUER_SETTINGS.map((value) => ({ value, label: FIT_NOTE_ISSUER_SETTING_LABELS[value] }))}
        error={errors['fit-note-setting']}
        onValueChange={setIssuerSetting}
      />
      <SelectInput
        id="fit-note-profession"
        label="Issuer’s profession"
        hint="Doctors, nurses, pharmacists, occupational therapists and physiotherapists may issue fit notes"
        value={issuerProfession}
        placeholder="Choose a profession"
        options={FIT_NOTE_PROFESSIONS.map((value) => ({ value, label: FIT_NOTE_PROFESSION_LABELS[value] }))}
        error={errors['fit-note-profession']}
        onValueChange={setIssuerProfession}
      />
      <TextInput
        id="fit-note-issuer-name"
        label="Issuer’s name (optional)"
        value={issuerName}
        autoComplete="off"
        error={errors['fit-note-issuer-name']}
        onValueChange={setIssuerName}
      />
      <RadioGroup
        name="fit-note-conversation"
        legend="Did it come from a fit-note conversation?"
        value={fromConversation}
        error={errors[FIELD_IDS.fromConversation ?? '']}
        onValueChange={setFromConversation}
        options={[
          { value: 'yes', label: 'Yes', hint: 'A work and health conversation offered when they asked for a fit note' },
          { value: 'no', label: 'No' },
        ]}
      />
      {correcting !== undefined && (
        <TextareaInput
          id="fit-note-reason"
          label="Why it is being corrected"
          hint="The fit note as first recorded stays readable in the record"
          value={reason}
          error={errors['fit-note-reason']}
          onValueChange={setReason}
        />
      )}
      <FormActions submitLabel={correcting === undefined ? 'Save fit note' : 'Save correction'} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
