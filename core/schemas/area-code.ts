import { z } from 'zod';
import { isAreaCode, MAX_AREA_CODE_LENGTH, normaliseAreaCode } from '../icb-areas';

/** The partnership setting (`partnership_settings.key`) holding the area code set, as a JSON string or null. */
export const AREA_CODE_SETTING_KEY = 'mi_area_code';

/**
 * The partnership's area code for the MI return, as an administrator types it in Settings: blank
 * (null) to use the pilot area chosen at setup or named by the partnership's name, else a code of
 * the shape core/icb-areas.ts checks.
 */
export const areaCodeInputSchema = z
  .string()
  .max(MAX_AREA_CODE_LENGTH * 2, 'Enter an area code of 60 characters or fewer')
  .transform(normaliseAreaCode)
  .refine(
    (code) => code === '' || isAreaCode(code),
    'Enter an ONS integrated care board code (E54 and 6 numbers, like E54000061) or a code like south-yorkshire, or leave it blank',
  )
  .transform((code) => (code === '' ? null : code));

/** The area code setting: what was set (null: none), its version (0: never saved) and the code the MI return sends now. */
export const areaCodeSettingSchema = z.object({
  areaCode: z.string().nullable(),
  version: z.number().int(),
  inEffect: z.string().nullable(),
});
export type AreaCodeSetting = z.infer<typeof areaCodeSettingSchema>;

export const saveAreaCodeInputSchema = z.strictObject({ areaCode: areaCodeInputSchema, version: z.number().int().min(0) });
