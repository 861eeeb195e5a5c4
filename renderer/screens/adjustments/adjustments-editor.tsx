import { useEffect, useState } from 'react';
import type { WorkplaceAdjustmentsContent } from '../../../core/schemas/workplace-adjustments';
import { useApi } from '../../api/api-context';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { TextInput } from '../../components/text-input';
import { useSubmit } from '../../components/use-submit';
import { AdjustmentFields } from './adjustment-fields';
import { draftFrom, inputFrom, newAdjustment, newSchedule, type AdjustmentDraft, type AdjustmentsDraft } from './adjustments-draft';
import { adjustmentsFieldId } from './adjustments-field-id';
import { ScheduleBuilder } from './schedule-builder';
import { offers } from '../../can-call';

export interface AdjustmentsEditorProps {
  readonly participantId: string;
  /** The saved version being changed (its number and content), or undefined for the first. */
  readonly saved: { readonly version: number; readonly content: WorkplaceAdjustmentsContent } | undefined;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}

/**
 * The OT's (or physio's) adjustments for one person: each adjustment from the library, and for a
 * phased return the week-by-week schedule against the contracted hours. Saving sends the whole
 * set, naming the version it started from, so a colleague's save in between is never overwritten.
 */
export function AdjustmentsEditor({ participantId, saved, onSaved, onCancel }: AdjustmentsEditorProps) {
  const api = useApi();
  const [draft, setDraft] = useState<AdjustmentsDraft>(() => draftFrom(saved?.content));
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const save = useSubmit<unknown>(adjustmentsFieldId);

  // After "Add", move focus to the new field so keyboard users carry straight on.
  useEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const errorFor = (path: string) => save.fieldErrors[adjustmentsFieldId(path)];
  const setAdjustment = (index: number, change: Partial<AdjustmentDraft>) =>
    setDraft((current) => ({
      ...current,
      adjustments: current.adjustments.map((adjustment, at) => (at === index ? { ...adjustment, ...change } : adjustment)),
    }));
  return (
    <form
      className="ww-panel"
      noValidate
      aria-labelledby="adjustments-editor-heading"
      {...offers('adjustments.save')}
      onSubmit={(event) => {
        event.preventDefault();
        void save.submit(() => api.call('adjustments.save', inputFrom(participantId, saved?.version, draft)), onSaved);
      }}
    >
      <h3 className="nhsuk-heading-s" id="adjustments-editor-heading">
        {saved === undefined ? 'Draft workplace adjustments' : 'Change the workplace adjustments'}
      </h3>
      <ErrorSummary fieldErrors={save.fieldErrors} message={save.message} />
      {draft.adjustments.map((adjustment, index) => (
        <AdjustmentFields
          key={adjustment.id}
          index={index}
          adjustment={adjustment}
          errorFor={(field) => errorFor(`adjustments.${index}.${field}`)}
          onChange={(change) => setAdjustment(index, change)}
          onRemove={() => setDraft((current) => ({ ...current, adjustments: current.adjustments.filter((_, at) => at !== index) }))}
        />
      ))}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          setDraft((current) => ({ ...current, adjustments: [...current.adjustments, newAdjustment()] }));
          setFocusId(adjustmentsFieldId(`adjustments.${draft.adjustments.length}.recommendation`));
        }}
      >
        Add an adjustment
      </button>

      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Graded return schedule</legend>
        <TextInput
          id={adjustmentsFieldId('contractedHoursPerWeek')}
          label="Contracted hours a week"
          hint="No week of the schedule can be more than this"
          inputMode="decimal"
          className="nhsuk-input--width-4"
          value={draft.contractedHoursPerWeek}
          error={errorFor('contractedHoursPerWeek')}
          onValueChange={(contractedHoursPerWeek) => setDraft((current) => ({ ...current, contractedHoursPerWeek }))}
        />
        {draft.gradedReturn === null ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => {
              setDraft((current) => ({ ...current, gradedReturn: newSchedule(current.adjustments) }));
              setFocusId(adjustmentsFieldId('gradedReturn.startOn'));
            }}
          >
            Add a graded return schedule
          </button>
        ) : (
          <>
            <ScheduleBuilder
              schedule={draft.gradedReturn}
              errorFor={errorFor}
              onChange={(gradedReturn) => setDraft((current) => ({ ...current, gradedReturn }))}
              onFocusRequest={setFocusId}
            />
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setDraft((current) => ({ ...current, gradedReturn: null }))}
            >
              Remove the schedule
            </button>
          </>
        )}
      </fieldset>
      <FormActions submitLabel="Save adjustments" busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
