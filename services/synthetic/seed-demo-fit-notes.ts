import { ADJUSTMENT_CATEGORIES } from '../../core/adjustments/adjustment-library';
import { addDaysToIsoDate } from '../../core/calendar-date';
import { londonDateOf } from '../../core/clock';
import { contract } from '../../core/contract';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import type { FitNoteIssuerSetting, FitNoteProfession } from '../../core/schemas/fit-note';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import { recordFitNote } from '../fit-notes/fit-note-service';
import { SeededRandom } from './seeded-random';

/** Who issues the demo's fit notes: mostly GPs; some WorkWell clinicians (the trailblazers) and hospitals. */
const ISSUER_WEIGHTS: ReadonlyArray<readonly [readonly [FitNoteIssuerSetting, FitNoteProfession], number]> = [
  [['gp_practice', 'doctor'], 70],
  [['gp_practice', 'nurse'], 5],
  [['workwell', 'physiotherapist'], 8],
  [['workwell', 'occupational_therapist'], 5],
  [['hospital', 'doctor'], 12],
];

/** Share of people not off sick with a fit note at referral who have a "may be fit" note all the same. */
const OTHERS_WITH_A_NOTE = 0.1;
/** After each note ends (and before today), the share of people given another. */
const RENEWED = 0.55;
/** The first six months of sickness: after them a fit note may be issued with no end date. */
const SIX_MONTHS_DAYS = 182;

interface DemoPerson {
  readonly id: string;
  readonly status: string;
  readonly employment_status: string;
  readonly referred_on: string | null;
  readonly created_at: string;
}

/**
 * Gives a realistic share of the demo's people the fit notes they brought (issue 20 item 2): everyone
 * off sick with a fit note at referral, and a few others, has a run of fit notes from about their
 * referral, renewed or not (those who have left, never), so some are current and some have ended;
 * one person off sick for over six months has a note with no end date (indefinite).
 * The people on the demo meeting's agenda are left without, so the meeting shows recording one.
 * Deterministic (its own seeded stream) and through the same schema and service as the screen.
 */
export async function seedDemoFitNotes(store: Store, now: Date): Promise<void> {
  // One transaction: a commit per row made the demo's first run a second slower.
  await store.db.transaction().execute(async (trx) => seedWithin({ ...store, db: trx }, now));
}

async function seedWithin(store: Store, now: Date): Promise<void> {
  const today = londonDateOf(now);
  const random = new SeededRandom(DEMO_PARTNERSHIP.seed + 31_337);
  const coach = await findUserByUsername(store.db, 'demo.coach');
  if (coach === undefined) return;
  const people: DemoPerson[] = await store.db
    .selectFrom('participants')
    .select(['id', 'status', 'employment_status', 'referred_on', 'created_at'])
    .where('id', 'not in', store.db.selectFrom('agenda_items').select('participant_id'))
    .orderBy('reference')
    .execute();
  let indefiniteGiven = false;
  for (const person of people) {
    const offSick = person.employment_status === 'off_sick_fit_note';
    if (!offSick && random.next() >= OTHERS_WITH_A_NOTE) continue;
    // The episode starts on the referral date this laptop keeps (referred_on, which does not sync)
    // or, on every other laptop and the server, the day the person was recorded: the first note
    // covers both, so the MI return's fit_note_at_start is the same everywhere. The few people
    // backdated years for the retention review (the two days far apart) are left without.
    const recorded = person.created_at.slice(0, 10);
    const referred = person.referred_on ?? recorded;
    const [earlier, later] = referred < recorded ? [referred, recorded] : [recorded, referred];
    if (later > addDaysToIsoDate(earlier, 60)) continue;
    // The one long-term case: off sick since long before today, still on the service.
    const longTerm = !indefiniteGiven && offSick && person.status === 'active' && later <= addDaysToIsoDate(today, -2 * SIX_MONTHS_DAYS);
    const first = minDate(addDaysToIsoDate(earlier, -random.integer(0, 14)), today);
    let from = first;
    for (let count = 0; count < 12; count += 1) {
      const [issuerSetting, issuerProfession] = random.weighted(ISSUER_WEIGHTS);
      const sixMonthsOn = from >= addDaysToIsoDate(first, SIX_MONTHS_DAYS);
      const indefinite = longTerm && sixMonthsOn;
      const fitness = !offSick || (count > 0 && random.next() < 0.5) || (count === 0 && random.next() < 0.2) ? 'may_be_fit' : 'not_fit';
      const drawn = addDaysToIsoDate(from, random.pick(longTerm ? [4, 8, 13] : [2, 4, 4, 8, 13]) * 7 - 1);
      const covers = addDaysToIsoDate(later, 1); // London's date of created_at may be the day after its UTC date
      const periodTo = indefinite ? null : count === 0 && drawn < covers ? covers : drawn;
      await recordFitNote(
        store,
        contract['fitNotes.record'].input.parse({
          participantId: person.id,
          issuedOn: from,
          periodFrom: from,
          periodTo,
          fitness: indefinite ? 'not_fit' : fitness,
          categories: fitness === 'may_be_fit' && !indefinite ? pickCategories(random) : [],
          reviewNeeded: random.next() < 0.6,
          issuerSetting,
          issuerProfession,
          fromConversation: issuerSetting === 'workwell' || random.next() < 0.1,
        }),
        coach.id,
        now,
      );
      if (indefinite) indefiniteGiven = true;
      if (periodTo === null || addDaysToIsoDate(periodTo, 1) > today) break;
      if (!longTerm && (person.status === 'exited' || random.next() >= RENEWED)) break;
      from = addDaysToIsoDate(periodTo, 1);
    }
  }
}

/** One or two of the "may be fit" advice categories, each once. */
function pickCategories(random: SeededRandom): Array<(typeof ADJUSTMENT_CATEGORIES)[number]> {
  const first = random.pick(ADJUSTMENT_CATEGORIES);
  const second = random.pick(ADJUSTMENT_CATEGORIES);
  return random.next() < 0.5 || second === first ? [first] : [first, second];
}

function minDate(left: string, right: string): string {
  return left < right ? left : right;
}
