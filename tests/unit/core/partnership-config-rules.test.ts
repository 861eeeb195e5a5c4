import { describe, expect, it } from 'vitest';
import { localDisciplineCode } from '../../../core/schemas/config/disciplines';
import {
  normaliseRegistrationNumber,
  registrationNumberProblem,
  type ProfessionalBody,
} from '../../../core/schemas/config/professional-registration';
import { isPlausiblePhoneNumber, optionalWebsiteSchema } from '../../../core/text-schemas';

describe('registration number formats', () => {
  it.each<[ProfessionalBody, string, boolean]>([
    ['hcpc', 'PH123456', true],
    ['hcpc', 'OT12345', true],
    ['hcpc', 'PYL123456', true],
    ['hcpc', 'ODP1234', true],
    ['hcpc', 'XY123456', false],
    ['hcpc', 'PH1234567', false],
    ['hcpc', '123456', false],
    ['hcpc', 'PH', false],
    ['hcpc', '', false],
    ['nmc', '12A3456E', true],
    ['nmc', '12A3456', false],
    ['nmc', 'AB12345C', false],
    ['gmc', '1234567', true],
    ['gmc', '123456', false],
    ['swe', 'SW123456', true],
    ['swe', 'SW12', true],
    ['swe', 'SW0123', false],
    ['swe', '123456', false],
    ['bacp', '123456', true],
    ['ukcp', '2019-1234', true],
    ['babcp', 'ABC', false],
    ['babcp', '12', false],
    ['none', '', true],
    ['none', 'PH123456', false],
  ])('%s %j is accepted: %s', (body, number, valid) => {
    expect(registrationNumberProblem(body, number) === undefined).toBe(valid);
  });

  it('compares numbers without spaces and in upper case', () => {
    expect(normaliseRegistrationNumber(' ph 123 456 ')).toBe('PH123456');
    expect(normaliseRegistrationNumber('12a 3456 e')).toBe('12A3456E');
  });
});

describe('contact checks', () => {
  it.each([
    ['0114 496 0000', true],
    ['01144960000', true],
    ['020 7946 0000', true],
    ['+44 114 496 0000', true],
    ['(0114) 496-0000', true],
    ['07700 900123', true],
    ['111', true],
    ['116 123', true],
    ['+33 1 23 45 67 89', true],
    ['12345', false],
    ['0114 496', false],
    ['0114 496 0000 ext 2', false],
    ['call us', false],
  ])('phone %j is plausible: %s', (phone, plausible) => {
    expect(isPlausiblePhoneNumber(phone)).toBe(plausible);
  });

  it.each([
    ['www.example.org', 'https://www.example.org'],
    ['https://example.org/services?x=1', 'https://example.org/services?x=1'],
    ['http://example.org', 'http://example.org'],
    ['', null],
  ])('website %j is kept as %j', (input, output) => {
    expect(optionalWebsiteSchema.parse(input)).toBe(output);
  });

  it.each(['javascript:alert(1)', 'example', 'ftp://example.org', 'https://exa mple.org'])('website %j is refused', (input) => {
    expect(optionalWebsiteSchema.safeParse(input).success).toBe(false);
  });
});

describe('local discipline codes', () => {
  it('slugs the name, and adds a number when the code is taken', () => {
    expect(localDisciplineCode('Welfare rights', new Set())).toBe('local-welfare-rights');
    expect(localDisciplineCode('Diététique & Nutrition', new Set())).toBe('local-dietetique-nutrition');
    expect(localDisciplineCode('Welfare rights', new Set(['local-welfare-rights', 'local-welfare-rights-2']))).toBe(
      'local-welfare-rights-3',
    );
    expect(localDisciplineCode('???', new Set())).toBe('local-discipline');
  });
});
