import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateInput } from '../../../renderer/components/date-input';
import { formatDate, formatDateTime, formatTime } from '../../../renderer/format';

describe('DateInput: the NHS date input pattern', () => {
  it('shows day, month and year fields in a fieldset, the day carrying the field id for the error summary link', () => {
    const html = renderToStaticMarkup(
      <DateInput id="referral-date" label="Referral date" value="2026-12-06" onValueChange={() => undefined} />,
    );
    expect(html).toContain('<legend class="nhsuk-fieldset__legend">Referral date</legend>');
    expect(html).toMatch(
      /<label class="nhsuk-label nhsuk-date-input__label" for="referral-date">Day<\/label><input class="nhsuk-input nhsuk-date-input__input nhsuk-input--width-2" id="referral-date"[^>]*value="6"/,
    );
    expect(html).toMatch(/for="referral-date-month">Month<\/label><input [^>]*id="referral-date-month"[^>]*value="12"/);
    expect(html).toMatch(/for="referral-date-year">Year<\/label><input class="[^"]*nhsuk-input--width-4"[^>]*value="2026"/);
    expect(html).toContain('inputMode="numeric"');
    expect(html).not.toContain('type="date"');
  });

  it('shows a field-level error on the group and marks each field invalid', () => {
    const html = renderToStaticMarkup(
      <DateInput id="dob" label="Date of birth" value="1984-2-" error="The date must include a day" onValueChange={() => undefined} />,
    );
    expect(html).toContain('nhsuk-form-group--error');
    expect(html).toContain('aria-describedby="dob-hint dob-error"');
    expect(html).toContain(
      '<span class="nhsuk-error-message" id="dob-error"><span class="nhsuk-u-visually-hidden">Error:</span> The date must include a day</span>',
    );
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(html).toMatch(/id="dob-month"[^>]*value="2"/);
  });
});

describe('dates and times shown the NHS way, in England', () => {
  it('formats dates as "6 December 2026" and times in London time, winter and summer', () => {
    expect(formatDate('2026-12-06')).toBe('6 December 2026');
    expect(formatDateTime('2026-12-06T14:05:00.000Z')).toBe('6 December 2026 at 14:05');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(formatDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026 at 00:30');
    expect(formatTime('2026-06-30T09:05:00.000Z')).toBe('10:05');
  });
});
