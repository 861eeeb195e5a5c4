import { describe, expect, it } from 'vitest';
import { areaCodeInEffect, isAreaCode, pilotAreaCodeOfName } from '../../../core/icb-areas';
import { saveAreaCodeInputSchema } from '../../../core/schemas/area-code';

describe('the partnership area code for the MI return (issue 20, item 9)', () => {
  it('takes an ONS ICB code or a code shaped like the pilot areas’, and refuses anything else', () => {
    for (const code of ['E54000061', 'south-yorkshire', 'northshire', 'area-2']) expect(isAreaCode(code), code).toBe(true);
    for (const code of ['E5400006', 'E540000611', 'South Yorkshire', '-north', 'north-', 'a--b', 'E54000061;', 'a'.repeat(61)])
      expect(isAreaCode(code), code).toBe(false);
    expect(saveAreaCodeInputSchema.parse({ areaCode: ' e54000061 ', version: 0 })).toEqual({ areaCode: 'E54000061', version: 0 });
    expect(saveAreaCodeInputSchema.parse({ areaCode: '  ', version: 3 })).toEqual({ areaCode: null, version: 3 });
    expect(saveAreaCodeInputSchema.safeParse({ areaCode: 'North Shire', version: 0 }).success).toBe(false);
  });

  it('uses the code set, else the pilot area chosen at setup, else the pilot area the name is', () => {
    expect(areaCodeInEffect({ configured: 'E54000061', icbCode: 'frimley', name: 'WorkWell Frimley' })).toBe('E54000061');
    expect(areaCodeInEffect({ configured: null, icbCode: 'frimley', name: 'Somewhere else' })).toBe('frimley');
    expect(areaCodeInEffect({ configured: null, icbCode: null, name: 'WorkWell Black Country' })).toBe('black-country');
    expect(pilotAreaCodeOfName(' surrey heartlands ')).toBe('surrey-heartlands');
    expect(areaCodeInEffect({ configured: null, icbCode: null, name: 'Northshire WorkWell' })).toBeNull();
  });
});
