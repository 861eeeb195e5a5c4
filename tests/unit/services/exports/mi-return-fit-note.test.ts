import { describe, expect, it } from 'vitest';
import type { FitNote } from '../../../../core/schemas/fit-note';
import type { MiReturn } from '../../../../core/schemas/fhir-export';
import { MI_RETURN_COLUMNS } from '../../../../services/exports/mi-return';
import { demoWithPerson, value } from '../../../support/demo-with-person';
import { gpFitNote } from '../../../support/fit-note-input';
import { testReferral } from '../../../support/test-referral';

describe('the MI return’s fit_note_at_start (issue 20 item 2)', () => {
  it('is read from the fit notes recorded (one in force on the episode’s start), else from the referral’s answer', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    // Referred on 2 November 2026 as off sick without a fit note; the person already registered said "with one".
    const referral = testReferral({ person: { nhsNumber: '', familyName: 'Startnote' } });
    const { id, reference } = value<{ id: string; reference: string }>(
      await demo.services.dispatch('participants.register', {
        ...referral,
        employment: { ...referral.employment, status: 'off_sick_no_fit_note' },
      }),
    );
    const answer = async (): Promise<string | undefined> => {
      await demo.signInAs('demo.coordinator');
      const mi = value<MiReturn>(await demo.services.dispatch('exports.miReturn', { month: '2026-11' }));
      await demo.signInAs('demo.coach');
      const column = MI_RETURN_COLUMNS.indexOf('fit_note_at_start');
      const referenceColumn = MI_RETURN_COLUMNS.indexOf('participant_reference');
      const row = mi.csv
        .trim()
        .split('\r\n')
        .map((line) => line.split(','))
        .find((cells) => cells[referenceColumn] === reference);
      return row?.[column];
    };
    expect(await answer()).toBe('no');
    // A fit note starting after the referral does not answer for its start.
    value(
      await demo.services.dispatch(
        'fitNotes.record',
        gpFitNote(id, { issuedOn: '2026-11-10', periodFrom: '2026-11-10', periodTo: '2026-11-30' }),
      ),
    );
    expect(await answer()).toBe('no');
    // One issued before it with no end date (indefinite) was in force on the day: "yes", whatever the referral said.
    const open = value<FitNote>(
      await demo.services.dispatch('fitNotes.record', gpFitNote(id, { issuedOn: '2026-10-20', periodFrom: '2026-10-20', periodTo: null })),
    );
    expect(await answer()).toBe('yes');
    // Corrected to start later: the correction counts in its place, and the referral's answer stands again.
    value(
      await demo.services.dispatch(
        'fitNotes.record',
        gpFitNote(id, {
          issuedOn: '2026-10-20',
          periodFrom: '2026-11-05',
          periodTo: null,
          replacesId: open.id,
          correctionReason: 'Wrong start.',
        }),
      ),
    );
    expect(await answer()).toBe('no');
    await demo.services.close();
  }, 60_000);
});
