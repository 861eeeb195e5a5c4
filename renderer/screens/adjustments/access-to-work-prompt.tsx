import { ACCESS_TO_WORK_SUPPORT_LABELS, accessToWorkSupportFor } from '../../../core/adjustments/access-to-work';
import type { AdjustmentRecommendation } from '../../../core/adjustments/adjustment-library';

/**
 * Tells the practitioner when DWP's Access to Work may pay for what they recommend, so the person
 * can be helped to apply. Nothing shows for adjustments the employer makes alone.
 */
export function AccessToWorkPrompt({ recommendation }: { recommendation: AdjustmentRecommendation }) {
  const support = accessToWorkSupportFor(recommendation);
  if (support.length === 0) return null;
  return (
    <div className="nhsuk-inset-text ww-access-to-work" data-testid="access-to-work-prompt">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>Access to Work may help.</strong> DWP’s Access to Work grant can pay for{' '}
        {support.map((kind) => ACCESS_TO_WORK_SUPPORT_LABELS[kind]).join(', ')}, beyond the reasonable adjustments the employer makes first.
        Talk to the person about applying.
      </p>
    </div>
  );
}
