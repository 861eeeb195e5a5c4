import {
  ADJUSTMENT_CATEGORIES,
  ADJUSTMENT_CATEGORY_LABELS,
  ADJUSTMENT_RECOMMENDATION_LABELS,
  ADJUSTMENT_RECOMMENDATIONS,
  ADJUSTMENT_STATUS_LABELS,
  ADJUSTMENT_STATUSES,
  RECOMMENDATION_DEFAULT_CATEGORY,
  type AdjustmentCategory,
  type AdjustmentRecommendation,
  type AdjustmentStatus,
} from '../../../core/adjustments/adjustment-library';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { AccessToWorkPrompt } from './access-to-work-prompt';
import type { AdjustmentDraft } from './adjustments-draft';
import { adjustmentsFieldId } from './adjustments-field-id';
import { DateInput } from '../../components/date-input';

export interface AdjustmentFieldsProps {
  readonly index: number;
  readonly adjustment: AdjustmentDraft;
  readonly errorFor: (field: keyof AdjustmentDraft) => string | undefined;
  readonly onChange: (change: Partial<AdjustmentDraft>) => void;
  readonly onRemove: () => void;
}

/**
 * One adjustment: the recommendation picked from the library (which suggests its fit note
 * category), the need it answers in words fit for the employer, its dates and status, and a note
 * that stays with the team.
 */
export function AdjustmentFields({ index, adjustment, errorFor, onChange, onRemove }: AdjustmentFieldsProps) {
  const id = (field: keyof AdjustmentDraft) => adjustmentsFieldId(`adjustments.${index}.${field}`);
  const pickRecommendation = (value: string) => {
    const recommendation = value as AdjustmentRecommendation | '';
    const suggested = recommendation === '' || recommendation === 'other' ? undefined : RECOMMENDATION_DEFAULT_CATEGORY[recommendation];
    onChange({ recommendation, ...(adjustment.category === '' && suggested !== undefined ? { category: suggested } : {}) });
  };
  return (
    <fieldset className="nhsuk-fieldset ww-adjustment">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Adjustment {index + 1}</legend>
      <SelectInput
        id={id('recommendation')}
        label="Recommendation"
        hint="Choose from the usual recommendations, or Something else"
        placeholder="Choose a recommendation"
        value={adjustment.recommendation}
        options={ADJUSTMENT_RECOMMENDATIONS.map((value) => ({ value, label: ADJUSTMENT_RECOMMENDATION_LABELS[value] }))}
        error={errorFor('recommendation')}
        onValueChange={pickRecommendation}
      />
      {adjustment.recommendation === 'other' && (
        <TextInput
          id={id('otherRecommendation')}
          label="Describe the recommendation"
          value={adjustment.otherRecommendation}
          error={errorFor('otherRecommendation')}
          onValueChange={(otherRecommendation) => onChange({ otherRecommendation })}
        />
      )}
      {adjustment.recommendation !== '' && <AccessToWorkPrompt recommendation={adjustment.recommendation} />}
      <SelectInput
        id={id('category')}
        label="Fit note category"
        placeholder="Choose the category"
        value={adjustment.category}
        options={ADJUSTMENT_CATEGORIES.map((value) => ({ value, label: ADJUSTMENT_CATEGORY_LABELS[value] }))}
        error={errorFor('category')}
        onValueChange={(category) => onChange({ category: category as AdjustmentCategory | '' })}
      />
      <TextareaInput
        id={id('functionalNeed')}
        label="The need it answers"
        hint="What the person needs at work, in words the employer will read. Do not name a diagnosis or condition."
        rows={2}
        value={adjustment.functionalNeed}
        error={errorFor('functionalNeed')}
        onValueChange={(functionalNeed) => onChange({ functionalNeed })}
      />
      <div className="ww-adjustment__dates">
        <DateInput
          id={id('startOn')}
          label="Starts on"
          value={adjustment.startOn}
          error={errorFor('startOn')}
          onValueChange={(startOn) => onChange({ startOn })}
        />
        <TextInput
          id={id('durationWeeks')}
          label="For how many weeks"
          inputMode="numeric"
          className="nhsuk-input--width-4"
          value={adjustment.durationWeeks}
          error={errorFor('durationWeeks')}
          onValueChange={(durationWeeks) => onChange({ durationWeeks })}
        />
        <DateInput
          id={id('reviewOn')}
          label="Review by"
          value={adjustment.reviewOn}
          error={errorFor('reviewOn')}
          onValueChange={(reviewOn) => onChange({ reviewOn })}
        />
      </div>
      <SelectInput
        id={id('status')}
        label="Status"
        value={adjustment.status}
        options={ADJUSTMENT_STATUSES.map((value) => ({ value, label: ADJUSTMENT_STATUS_LABELS[value] }))}
        error={errorFor('status')}
        onValueChange={(status) => onChange({ status: status as AdjustmentStatus })}
      />
      <TextareaInput
        id={id('teamNote')}
        label="Note for the team (optional)"
        hint="Stays with the team: never shown to the employer."
        rows={2}
        value={adjustment.teamNote}
        error={errorFor('teamNote')}
        onValueChange={(teamNote) => onChange({ teamNote })}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRemove}>
        Remove adjustment {index + 1}
      </button>
    </fieldset>
  );
}
