import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../core/channels';
import { contract } from '../../../core/contract';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { Result } from '../../../core/result';
import { ROLES, type Role } from '../../../core/roles';
import { createAppServices, type AppServices } from '../../../services/app-services';
import type { Dispatch } from '../../../services/dispatch-types';
import type { ParticipantPlans } from '../../../core/schemas/action-plan';
import type { ParticipantView } from '../../../core/schemas/participant-record';
import { typeCanaryIntoEveryClinicalField } from '../../support/canary-case';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { hostTransport } from '../../support/test-host';
import { testReferral } from '../../support/test-referral';
import { testClock } from '../../support/test-clock';

/**
 * The whole role x channel matrix, through the real loopback host against a real encrypted store.
 * Expectations come from the contract's `access`, so a channel added later is walked automatically.
 * A refused call must be a typed refusal and change nothing but the audit trail (which records the
 * refusal); an allowed call may still fail for other reasons (bad sample input, a missing record),
 * but never with a refusal.
 */

/** The demo user holding each role. */
const USER_FOR_ROLE: Readonly<Record<Role, string>> = {
  administrator: DEMO_PARTNERSHIP.adminUsername,
  coordinator: 'demo.coordinator',
  coach: 'demo.coach',
  physiotherapist: 'demo.physio',
  mental_health_practitioner: 'demo.mh',
  occupational_therapist: 'demo.ot',
};

const REFUSALS = ['FORBIDDEN', 'NOT_SIGNED_IN'];
type Caller = Role | 'signed-out';

let services: AppServices;
let host: Awaited<ReturnType<typeof hostTransport>>;
let call: Dispatch;
let participantId: string;
let reader: Awaited<ReturnType<typeof storeReader>>;
let signedInAs: Caller = 'administrator';

/** Mostly valid inputs, so an allowed call usually reaches its handler; other channels get `{}`. */
function sampleInput(channel: Channel): unknown {
  const samples: Partial<Record<Channel, unknown>> = {
    'participants.list': { pageSize: 5 },
    'participants.count': {},
    'participants.get': { id: participantId },
    'participants.checkDuplicates': { givenName: 'Alex', familyName: 'Testperson', dateOfBirth: '1984-03-02', nhsNumber: '' },
    'participants.register': testReferral({ person: { nhsNumber: '' }, confirmedNotDuplicate: true }),
    'plans.get': { participantId },
    'audit.search': {},
  };
  return samples[channel] ?? {};
}

async function become(caller: Caller): Promise<void> {
  const status = (await call('app.status', {})) as Result<{ state: string; user?: { username: string } }>;
  const current = status.ok && status.value.state === 'unlocked' ? status.value.user?.username : undefined;
  const wanted = caller === 'signed-out' ? undefined : USER_FOR_ROLE[caller];
  signedInAs = caller;
  if (current === wanted) return;
  if (current !== undefined) await call('session.lock', {});
  if (wanted !== undefined) {
    const unlocked = await call('session.unlock', { username: wanted, passphrase: DEMO_PARTNERSHIP.passphrase });
    if (!unlocked.ok) throw new Error(`could not sign in as ${wanted}: ${unlocked.error.code}`);
  }
}

function allows(channel: Channel, caller: Caller): boolean {
  const access = contract[channel].access;
  if (access === 'public') return true;
  return caller !== 'signed-out' && access.includes(caller);
}

// One store for the whole matrix: made here rather than with tempDir(), which empties after each test.
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-matrix-'));
  services = createAppServices({ clock: testClock(), dataDir });
  value(await services.dispatch('setup.createDemoPartnership', {}));
  participantId = value<{ id: string }>(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } }))).id;
  host = await hostTransport(services.dispatch);
  call = host.call;
  reader = await storeReader(dataDir, DEMO_PARTNERSHIP.adminUsername, DEMO_PARTNERSHIP.passphrase);
}, 120_000);

afterAll(async () => {
  reader.forget();
  await host.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const CALLERS: readonly Caller[] = [...ROLES, 'signed-out'];

describe('role x channel matrix over the loopback host', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
  });

  for (const caller of CALLERS) {
    it(`as ${caller}: refuses exactly what the contract forbids, and a refusal writes nothing`, async () => {
      const outcomes: string[] = [];
      for (const channel of CHANNELS) {
        await become(caller);
        expect(signedInAs).toBe(caller);
        const expectRefusal = !allows(channel, caller);
        const before = expectRefusal ? reader.rowCounts({ except: ['audit_log'] }) : undefined;
        const lastAuditSeq = reader.read(
          (database) => database.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number,
        );
        const result = await call(channel, sampleInput(channel));
        const code = result.ok ? 'ok' : result.error.code;
        outcomes.push(`${channel}: ${code}`);
        // An administrator's walk really rotates the data key: the independent reader needs the new one.
        if (channel === 'security.rotateDataKey' && result.ok) await reader.refreshKey();
        if (expectRefusal) {
          expect(code, `${caller} calling ${channel}`).toBe(caller === 'signed-out' ? 'NOT_SIGNED_IN' : 'FORBIDDEN');
          expect(reader.rowCounts({ except: ['audit_log'] }), `${caller} calling ${channel} wrote nothing`).toEqual(before);
          // ...except the audit entry saying who was refused what, on every channel, even those whose
          // successful calls are not audited (while locked there is no store to write to).
          const audited = reader.read((database) =>
            database.prepare('SELECT action, channel, outcome FROM audit_log WHERE seq > ?').all(lastAuditSeq),
          );
          const recorded = caller !== 'signed-out';
          expect(audited, `${caller} calling ${channel} is audited`).toEqual(
            recorded ? [{ action: 'denied', channel, outcome: 'FORBIDDEN' }] : [],
          );
        } else {
          expect(REFUSALS, `${caller} calling ${channel} (allowed) was refused`).not.toContain(code);
          expect(code, `${caller} calling ${channel}`).not.toBe('INTERNAL');
        }
      }
      // Every channel was walked once for this caller.
      expect(outcomes).toHaveLength(CHANNELS.length);
    }, 120_000);
  }
});

/**
 * Field-level: the canary typed into every clinical field through the real services, then the
 * record read as every role. Administrators see demographics, status and consent only; a
 * discipline draft's text reaches its author alone until it is signed.
 */
describe('role x field matrix on participants.get', () => {
  const CANARY = 'CANARY-7f3e lumbar radiculopathy';

  async function canaryCase() {
    const demo = await demoWithPerson();
    value(
      await demo.services.dispatch('consents.record', {
        participantId: demo.id,
        purpose: 'service',
        decision: 'given',
        date: '2026-11-01',
        method: 'verbal',
      }),
    );
    await typeCanaryIntoEveryClinicalField(demo, CANARY);
    const readAs = async (role: Role): Promise<ParticipantView> => {
      await demo.signInAs(USER_FOR_ROLE[role]);
      return value<ParticipantView>(await demo.services.dispatch('participants.get', { id: demo.id }));
    };
    return { ...demo, readAs };
  }

  it('administrators read demographics, status, coach and consent, and no clinical field or plan; every other role reads them all', async () => {
    const demo = await canaryCase();
    for (const role of ROLES) {
      const view = await demo.readAs(role);
      expect(view.givenName, role).toBe('Alex');
      expect(view.status, role).toEqual(expect.any(String));
      expect(view.currentConsent.service?.decision, role).toBe('given');
      if (role === 'administrator') {
        expect(view.clinicalWithheld).toBe(true);
        expect(JSON.stringify(view)).not.toContain('CANARY');
        for (const field of [
          'joinedUpAssessment',
          'disciplineAssessments',
          'draftsByOthers',
          'measures',
          'openRiskFlags',
          'acknowledgedRiskFlags',
          'fitNotes',
        ])
          expect(view, `administrator reads ${field}`).not.toHaveProperty(field);
        expect(await demo.services.dispatch('plans.get', { participantId: demo.id })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
        continue;
      }
      if (view.clinicalWithheld) throw new Error(`${role} was refused the clinical record`);
      const assessment = view.joinedUpAssessment;
      expect([assessment?.healthConditions, assessment?.whatMatters, assessment?.goals, assessment?.canDoNow], role).toEqual([
        CANARY,
        CANARY,
        CANARY,
        CANARY,
      ]);
      expect(view.acknowledgedRiskFlags[0]?.note, role).toBe(CANARY);
      expect(view.measures[0]?.total, role).toBe(25);
      const plans = value<ParticipantPlans>(await demo.services.dispatch('plans.get', { participantId: demo.id }));
      expect(
        plans.versions[0]?.goals.map((goal) => goal.text),
        role,
      ).toEqual([CANARY]);
    }
    await demo.services.close();
  }, 120_000);

  it("a discipline draft's content reaches only its author until signed; the others see who is drafting", async () => {
    const demo = await canaryCase();
    const clinicalRoles = ROLES.filter((role) => role !== 'administrator');
    const otDraft = await demo.readAs('occupational_therapist');
    if (otDraft.clinicalWithheld) throw new Error('the OT was refused the clinical record');
    const [draft] = otDraft.disciplineAssessments;
    expect(draft).toMatchObject({ status: 'draft', findings: CANARY, workImpact: CANARY, recommendations: CANARY });
    expect(otDraft.draftsByOthers).toEqual([]);
    for (const role of clinicalRoles.filter((role) => role !== 'occupational_therapist')) {
      const view = await demo.readAs(role);
      if (view.clinicalWithheld) throw new Error(`${role} was refused the clinical record`);
      expect(JSON.stringify(view.disciplineAssessments), role).not.toContain('CANARY');
      expect(view.draftsByOthers, role).toEqual([
        { id: draft?.id, discipline: 'occupational_therapy', authorName: 'Demo Occupational Therapist', recordedAt: draft?.recordedAt },
      ]);
    }

    await demo.signInAs('demo.ot');
    value(await demo.services.dispatch('assessments.sign', { id: draft?.id, version: draft?.version }));
    for (const role of clinicalRoles) {
      const view = await demo.readAs(role);
      if (view.clinicalWithheld) throw new Error(`${role} was refused the clinical record`);
      expect(view.disciplineAssessments[0], role).toMatchObject({ status: 'signed', findings: CANARY });
      expect(view.draftsByOthers, role).toEqual([]);
    }
    await demo.services.close();
  }, 120_000);
});
