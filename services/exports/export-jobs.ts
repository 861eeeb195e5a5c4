import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/app-error';
import type { ExportJob, ExportProgress } from '../../core/schemas/fhir-export';
import type { FhirExportReport } from './fhir-export';

/** How many skipped or failed people a job's report lists (the export log holds them all). */
const PROBLEMS_SHOWN = 50;

/** Failures first, then people who declined or withdrew, then those with no decision recorded. */
function mostUrgentFirst(problems: FhirExportReport['problems']): FhirExportReport['problems'] {
  const rank = (problem: FhirExportReport['problems'][number]) =>
    problem.outcome === 'failed' ? 0 : problem.reason?.startsWith('No consent') === true ? 2 : 1;
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.reference.localeCompare(b.reference));
}

interface JobState {
  job: ExportJob;
  readonly controller: AbortController;
}

/**
 * Background exports for one app instance: start returns at once with a job id; the screen polls
 * the counts and may cancel. One export at a time, so two people cannot race to the same folder.
 */
export class ExportJobs {
  readonly #jobs = new Map<string, JobState>();

  /** Starts `run` in the background; refuses while another export is running. */
  start(run: (signal: AbortSignal, onProgress: (progress: ExportProgress) => void) => Promise<FhirExportReport>): ExportJob {
    if ([...this.#jobs.values()].some((state) => state.job.state === 'running')) {
      throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish or cancel it first.');
    }
    const jobId = randomUUID();
    const state: JobState = {
      job: {
        jobId,
        state: 'running',
        progress: { total: 0, processed: 0, included: 0, skipped: 0, failed: 0 },
        problems: [],
        message: null,
      },
      controller: new AbortController(),
    };
    this.#jobs.set(jobId, state);
    const onProgress = (progress: ExportProgress) => {
      state.job = { ...state.job, progress };
    };
    // Not awaited: the caller polls. Every outcome, failure included, lands in the job.
    void run(state.controller.signal, onProgress).then(
      (report) => {
        state.job = {
          ...state.job,
          state: report.outcome === 'cancelled' ? 'cancelled' : report.outcome === 'failed' ? 'failed' : 'finished',
          progress: report.progress,
          problems: mostUrgentFirst(report.problems)
            .slice(0, PROBLEMS_SHOWN)
            .map((problem) => ({
              participantReference: problem.reference,
              outcome: problem.outcome === 'failed' ? 'failed' : 'skipped',
              reason: problem.reason ?? '',
            })),
          message:
            report.outcome === 'cancelled'
              ? 'The export was cancelled. Nothing was left half-written.'
              : (report.stopReason ?? (report.fileName === null ? null : `Written to ${report.fileName}`)),
        };
      },
      (error: unknown) => {
        state.job = {
          ...state.job,
          state: 'failed',
          message:
            error instanceof AppError
              ? error.message
              : 'The export stopped because of an unexpected problem. Nothing was left half-written.',
        };
      },
    );
    return state.job;
  }

  /** The job's state and counts. */
  get(jobId: string): ExportJob {
    const state = this.#jobs.get(jobId);
    if (state === undefined) throw new AppError('NOT_FOUND', 'That export could not be found.');
    return state.job;
  }

  /** Asks a running job to stop after the person it is on. */
  cancel(jobId: string): ExportJob {
    const state = this.#jobs.get(jobId);
    if (state === undefined) throw new AppError('NOT_FOUND', 'That export could not be found.');
    state.controller.abort();
    return state.job;
  }

  /** Cancels everything still running (the store is locking). */
  cancelAll(): void {
    for (const state of this.#jobs.values()) state.controller.abort();
  }
}
