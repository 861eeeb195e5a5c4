import { z } from 'zod';
import { isGpPracticeOdsCode, normaliseOdsCode } from '../ods-code';

/** The person's GP practice as the record holds it: its ODS code and name, or null when not known. */
export const gpPracticeSchema = z.object({ odsCode: z.string(), name: z.string() });
export type GpPractice = z.infer<typeof gpPracticeSchema>;

/** The practice as the record and the letters name it: "Example Street Surgery (ODS code A81001)". */
export function gpPracticeLabel(practice: GpPractice): string {
  return `${practice.name} (ODS code ${practice.odsCode})`;
}

/**
 * The GP practice as typed at registration or in "Change details and work": both fields blank (not
 * known yet, null) or both given, the code in the shape of a GP practice's ODS code (A81001).
 */
export const gpPracticeInputSchema = z
  .strictObject({
    odsCode: z
      .string()
      .max(20, 'The ODS code must be 6 characters: a letter and 5 numbers, like A81001')
      .optional()
      .transform((value) => normaliseOdsCode(value ?? '')),
    name: z.string().trim().max(200, 'The practice name must be 200 characters or fewer').optional().default(''),
  })
  .superRefine((value, context) => {
    if (value.odsCode !== '' && !isGpPracticeOdsCode(value.odsCode)) {
      context.addIssue({
        code: 'custom',
        path: ['odsCode'],
        message: 'Enter the practice’s ODS code: a letter and 5 numbers, like A81001',
      });
    }
    if (value.odsCode === '' && value.name !== '') {
      context.addIssue({ code: 'custom', path: ['odsCode'], message: 'Enter the practice’s ODS code, or leave both blank' });
    }
    if (value.odsCode !== '' && value.name === '') {
      context.addIssue({ code: 'custom', path: ['name'], message: 'Enter the practice’s name, or leave both blank' });
    }
  })
  .transform((value): GpPractice | null => (value.odsCode === '' ? null : { odsCode: value.odsCode, name: value.name }));

/** The GP practice where a form or import may leave it out: not known (null). */
export const optionalGpPracticeInputSchema = gpPracticeInputSchema.nullable().default(null);
