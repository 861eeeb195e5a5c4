import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PARTNERSHIP } from '../core/demo-partnership';
import type { Result } from '../core/result';
import type { PartnershipConfig } from '../core/schemas/config/partnership-config';
import { createAppServices } from '../services/app-services';
import { testReferral } from '../tests/support/test-referral';
import { measure, percentile } from './measure';
import type { BenchRow } from './report';
import { benchClock } from './bench-clock';

const ITERATIONS = Number(process.env.BENCH_PDF_ITERATIONS ?? 50);

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * One person's action plan (two goals, four actions across the disciplines, an onward referral)
 * as a PDF, through dispatch exactly as the renderer asks for it: role check, load the plan,
 * render with React-PDF, SHA-256 and the export log entry, audit. The first render (React-PDF
 * loading its fonts and layout engine) is reported on its own row.
 */
export async function runDocumentsBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-bench-pdf-'));
  const services = createAppServices({ clock: benchClock(), dataDir: dir });
  try {
    value(await services.dispatch('setup.createDemoPartnership', {}));
    const signIn = async (username: string) => {
      value(await services.dispatch('session.lock', {}));
      value(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
    };
    await signIn('demo.coordinator');
    const { id } = value<{ id: string }>(
      await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Benchmark' } })),
    );
    const config = value<PartnershipConfig>(await services.dispatch('config.get', {}));
    const member = (username: string) =>
      config.teamMembers.find((candidate) => candidate.userId === config.accounts.find((account) => account.username === username)?.id)
        ?.id ?? null;
    const serviceId = config.services.find((service) => service.active)?.id ?? null;
    value(
      await services.dispatch('plans.saveDraft', {
        participantId: id,
        goals: [
          { id: 'g1', text: 'Back to full shifts at the warehouse by February' },
          { id: 'g2', text: 'Sleep better and feel less anxious about money' },
        ],
        actions: [
          {
            id: 'a1',
            goalId: 'g1',
            kind: 'intervention',
            discipline: 'physiotherapy',
            description: 'Six physiotherapy sessions for lifting and stamina',
            ownerId: member('demo.physio'),
            dueOn: '2027-01-15',
          },
          {
            id: 'a2',
            goalId: 'g2',
            kind: 'intervention',
            discipline: 'mental_health',
            description: 'Four sessions of guided self-help',
            ownerId: member('demo.mh'),
            dueOn: '2027-01-31',
          },
          {
            id: 'a3',
            goalId: 'g1',
            kind: 'intervention',
            discipline: 'occupational_therapy',
            description: 'Workplace assessment and a phased return plan',
            ownerId: member('demo.ot'),
            dueOn: '2026-12-20',
          },
          {
            id: 'a4',
            goalId: 'g2',
            kind: 'onward_referral',
            discipline: 'employment_support',
            description: 'Refer for debt advice',
            ownerId: member('demo.coach'),
            dueOn: '2026-12-05',
            serviceId,
          },
        ],
        reviewOn: '2027-02-01',
      }),
    );
    const render = async () => value(await services.dispatch('documents.planPdf', { participantId: id }));
    const first = await measure(render, 1, 0);
    const samples = await measure(render, ITERATIONS, 5);
    return [
      { operation: 'first plan PDF after start (React-PDF warming up)', p50: percentile(first, 0.5), p95: percentile(first, 0.95) },
      {
        operation: 'one plan PDF (4 actions), through dispatch, logged and audited',
        p50: percentile(samples, 0.5),
        p95: percentile(samples, 0.95),
        targetMs: 300,
      },
    ];
  } finally {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
