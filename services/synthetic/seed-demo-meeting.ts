import { londonDateOf } from '../../core/clock';
import { contract } from '../../core/contract';
import type { Role } from '../../core/roles';
import type { SignedInUser } from '../../core/schemas/session';
import { listTeamMembers } from '../../db/repositories/team-member-repository';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import { saveJoinedUpAssessment } from '../assessments/assessment-service';
import { recordMeasure } from '../measures/measure-service';
import { recordConsent } from '../participants/consent-service';
import { createMeeting } from '../meetings/meeting-service';
import { decideTriage } from '../meetings/triage-service';

/** Made-up joined-up assessments for the demo's MDT-ready cases, in the person's own words. */
const DEMO_CASES = [
  {
    mainBarrier: 'mental_health',
    healthConditions: 'Low mood and anxiety since a bereavement; poor sleep.',
    socialBarriers: ['debt', 'confidence'],
    goals: 'I want to get back to my shifts at the depot without dreading it.',
    whatMatters: 'Being there for my kids and not losing the job I have had for nine years.',
    readiness: 'thinking',
    canDoNow: 'Short shifts, mornings',
    // PHQ-9 baseline with question 9 above "not at all": an open risk flag, so this case goes first.
    measures: [{ discipline: 'employment_support', daysAgo: 12, response: { measure: 'phq9', answers: [2, 2, 2, 1, 2, 2, 1, 1, 1] } }],
  },
  {
    mainBarrier: 'musculoskeletal',
    healthConditions: 'Low back pain after a lifting injury; also knee pain.',
    socialBarriers: ['transport'],
    goals: 'Back to full shifts by February, and able to lift again safely.',
    whatMatters: 'Keeping my job and being able to pick up my grandchildren.',
    readiness: 'ready',
    canDoNow: 'Desk tasks, light duties',
    measures: [
      { discipline: 'physiotherapy', daysAgo: 30, response: { measure: 'mskhq', answers: [2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1] } },
      { discipline: 'physiotherapy', daysAgo: 6, response: { measure: 'mskhq', answers: [3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 2] } },
      { discipline: 'occupational_therapy', daysAgo: 6, response: { measure: 'work_ability', answers: [4] } },
    ],
  },
  {
    mainBarrier: 'mental_health',
    healthConditions: 'Work-related stress and panic attacks; off sick with a fit note.',
    socialBarriers: ['caring'],
    goals: 'To feel calm enough to go back, maybe with different hours.',
    whatMatters: 'Looking after my mum and keeping some routine in my week.',
    readiness: 'ready',
    canDoNow: '',
    measures: [
      { discipline: 'mental_health', daysAgo: 35, response: { measure: 'gad7', answers: [3, 2, 2, 3, 2, 2, 2] } },
      { discipline: 'mental_health', daysAgo: 7, response: { measure: 'gad7', answers: [2, 1, 1, 2, 1, 1, 1] } },
      { discipline: 'employment_support', daysAgo: 7, response: { measure: 'wsas', answers: [6, 4, 5, 4, 3] } },
    ],
  },
  {
    mainBarrier: 'long_term_condition',
    healthConditions: 'Type 2 diabetes and fatigue; struggling with long shifts on my feet.',
    socialBarriers: ['skills'],
    goals: 'A job where I can sit some of the time, maybe an office course.',
    whatMatters: 'Earning enough to keep the flat.',
    readiness: 'acting',
    canDoNow: 'Part-time, seated work',
    measures: [{ discipline: 'employment_support', daysAgo: 9, response: { measure: 'work_ability', answers: [5] } }],
  },
  {
    mainBarrier: 'other_physical',
    healthConditions: 'Recovering from a shoulder operation.',
    socialBarriers: [],
    goals: 'Back to driving the van once the surgeon agrees.',
    whatMatters: 'Not letting the team down.',
    readiness: 'ready',
    canDoNow: 'Office work',
    measures: [],
  },
] as const;

/** The demo's triage queue: these cases are listed at the first meeting; the others wait for triage. */
const LISTED_AT_DEMO_MEETING = 4;

function daysBefore(now: Date, days: number): string {
  return londonDateOf(new Date(now.getTime() - days * 86_400_000));
}

async function demoUser(store: Store, username: string, role: Role): Promise<SignedInUser> {
  const user = await findUserByUsername(store.db, username);
  if (user === undefined) throw new Error(`the demo has no ${username}`);
  return { userId: user.id, username: user.username, displayName: user.display_name, role };
}

/**
 * Gives the demo a meeting to run: a few people ready for the MDT get a joined-up assessment,
 * consent to the service and outcome measures (one with a PHQ-9 risk flag, one without consent
 * yet so triage has something to refuse), and today's meeting lists four of them. People are taken
 * from the end of the alphabet so the first page of the caseload stays untouched. Deterministic:
 * the seeded caseload decides who they are. Everything goes through the contract's schemas and
 * the same services the screens use.
 */
export async function seedDemoMeeting(store: Store, now: Date): Promise<void> {
  const ready = await store.db
    .selectFrom('participants')
    .select('id')
    .where('status', '=', 'ready_for_mdt')
    .orderBy('family_name', 'desc')
    .orderBy('given_name', 'desc')
    .orderBy('id')
    .limit(DEMO_CASES.length + 1)
    .execute();
  const coach = await demoUser(store, 'demo.coach', 'coach');
  const coordinator = await demoUser(store, 'demo.coordinator', 'coordinator');
  const clinicians: Record<string, SignedInUser> = {
    employment_support: coach,
    physiotherapy: await demoUser(store, 'demo.physio', 'physiotherapist'),
    mental_health: await demoUser(store, 'demo.mh', 'mental_health_practitioner'),
    occupational_therapy: await demoUser(store, 'demo.ot', 'occupational_therapist'),
  };
  for (const [index, demoCase] of DEMO_CASES.entries()) {
    const participantId = ready[index]?.id;
    if (participantId === undefined) return;
    const { measures, ...assessment } = demoCase;
    await saveJoinedUpAssessment(
      store,
      contract['assessments.saveJoinedUp'].input.parse({ participantId, assessedOn: daysBefore(now, 14), ...assessment }),
      coach.userId,
      now,
    );
    // The last case has not given consent to the service yet: triage shows it as not ready.
    if (index < DEMO_CASES.length - 1) {
      await recordConsent(
        store,
        contract['consents.record'].input.parse({
          participantId,
          purpose: 'service',
          decision: 'given',
          date: daysBefore(now, 20),
          method: 'verbal',
        }),
        coach.userId,
        now,
      );
    }
    for (const measure of measures) {
      const input = contract['measures.record'].input.parse({
        participantId,
        discipline: measure.discipline,
        takenOn: daysBefore(now, measure.daysAgo),
        response: measure.response,
      });
      await recordMeasure(store, input, clinicians[measure.discipline]?.userId ?? coach.userId, now);
    }
  }
  const team = (await listTeamMembers(store.db)).filter((member) => member.active === 1);
  const chair = team.find((member) => member.user_id === coordinator.userId);
  if (chair === undefined) return;
  const { id: meetingId } = await createMeeting(
    store,
    contract['meetings.create'].input.parse({
      heldOn: londonDateOf(now),
      startsAt: '10:00',
      chairId: chair.id,
      expectedAttendeeIds: team.filter((member) => member.user_id !== null).map((member) => member.id),
      minutesPerCase: 8,
      // Shorter than 4 cases x 8 minutes, so meeting mode shows the chair the warning that they will not fit.
      durationMinutes: 30,
    }),
    coordinator,
    now,
  );
  for (const person of ready.slice(0, LISTED_AT_DEMO_MEETING)) {
    await decideTriage(
      store,
      contract['triage.decide'].input.parse({ participantId: person.id, outcome: 'full_discussion', meetingId }),
      coordinator,
      now,
    );
  }
}
