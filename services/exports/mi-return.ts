import {
  isMiParticipant,
  miColumnMaySend,
  miConsentState,
  MI_RETURN_COLUMNS,
  type MiReturnColumn,
} from '../../core/exports/mi-return-columns';
import type { MiReturn } from '../../core/schemas/fhir-export';
import type { SignedInUser } from '../../core/schemas/session';
import type { ParticipantStatus } from '../../core/schemas/participants';
import { londonDateOf } from '../../core/clock';
import { areaCodeInEffect } from '../../core/icb-areas';
import {
  countDeclinedReferrals,
  listMiReturnRows,
  partnershipAreaFacts,
  type MiReturnSourceRow,
} from '../../db/repositories/mi-return-repository';
import type { Store } from '../../db/store';
import { recordExport } from './export-log';
import { evaluationCells, measureFollowUp } from './mi-return-evaluation-fields';
import { fitNoteAtStart } from './mi-return-fit-note';

/**
 * The management-information return's columns, in order, and each one's lawful basis: core's table
 * (core/exports/mi-return-columns.ts); README "Management-information return" documents each column.
 * Coded values and dates only: no names, NHS numbers, dates of birth or free text.
 */
export { MI_RETURN_COLUMNS };
type MiRow = Record<MiReturnColumn, string | number | null>;

/** A row with every column blank: the declined-referral rows fill in only their own. */
const BLANK_ROW = Object.fromEntries(MI_RETURN_COLUMNS.map((column) => [column, null])) as MiRow;

const NATIONAL_DISCIPLINES = ['employment_support', 'physiotherapy', 'mental_health', 'occupational_therapy'] as const;

/** The last day of a YYYY-MM month. */
function monthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/**
 * The person's status as it stood at the month's end, from the dated events (never today's status,
 * which is wrong for any past month): exited if they had left by then; plan active if a plan had
 * started; ready for MDT once the joined-up assessment was done; otherwise referred. Every date the
 * row carries is already cut at the month's end (db/repositories/mi-return-repository.ts).
 */
export function statusAtMonthEnd(row: MiReturnSourceRow): ParticipantStatus {
  if (row.exited_on !== null && row.exited_on !== undefined) return 'exited';
  if (row.plan_active_date !== null && row.plan_active_date !== undefined) return 'active';
  if (row.first_appointment_date !== null && row.first_appointment_date !== undefined) return 'ready_for_mdt';
  return 'referred';
}

/** A CSV field: values are codes and dates, but quote defensively (and defuse spreadsheet formulas). */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Builds the MI return for one reporting month: one row per episode on the caseload in that month
 * (begun by its last day and not ended before its first, `episode_number` 1, 2...; not those whose consent to the
 * service stood declined or withdrawn at its end), with everything as it stood at the month's end.
 * Columns sent only with evaluation consent are blank unless it was in force at the month's end.
 * After them, the referrals declined that month, counted by route and reason. `rows` counts the
 * episode rows (a person with two episodes that month counts twice), `people` the people. Records the export in the export log.
 */
export function buildMiReturn(store: Store, user: SignedInUser, month: string, now: Date): MiReturn {
  const first = `${month}-01`;
  const last = monthEnd(month);
  const consentOf = miConsentState;
  const rows = listMiReturnRows(store, { first, last, made: londonDateOf(now) }).filter((row) =>
    isMiParticipant(consentOf(row.consent_service)),
  );
  // The code set in Settings, else the pilot area chosen at setup or named by the partnership's name.
  const areaCode = areaCodeInEffect(partnershipAreaFacts(store));

  const lines = [MI_RETURN_COLUMNS.join(',')];
  const subjects: Array<{ participantId: string; outcome: 'included' }> = [];
  const included = new Set<string>();
  for (const row of rows) {
    const plan =
      row.plan_json === null ? null : (JSON.parse(String(row.plan_json)) as { actions: Array<{ kind: string; discipline: string }> });
    const actions = plan?.actions ?? [];
    const countKind = (kind: string) => actions.filter((action) => action.kind === kind).length;
    const countDiscipline = (discipline: string) => actions.filter((action) => action.discipline === discipline).length;
    const assessment = row.assessment_json === null ? null : (JSON.parse(String(row.assessment_json)) as { mainBarrier?: string });
    const followUp = (measure: string, field: 'latest' | 'latest_date') => measureFollowUp(row, measure, field);
    const mi: MiRow = {
      reporting_month: month,
      participant_reference: row.reference ?? null,
      episode_number: row.episode_number ?? null,
      referral_date: row.referral_date ?? null,
      referral_source: row.referral_source ?? null,
      consent_service: consentOf(row.consent_service),
      consent_share_partnership: consentOf(row.consent_share_partnership),
      consent_share_dwp: consentOf(row.consent_share_dwp),
      consent_evaluation: consentOf(row.consent_evaluation),
      employment_status_at_start: row.employment_status ?? null,
      fit_note_at_start: fitNoteAtStart(row),
      primary_barrier: assessment?.mainBarrier ?? null,
      first_appointment_date: row.first_appointment_date ?? null,
      plan_agreed_date: row.plan_agreed_date ?? null,
      interventions_team: plan === null ? null : countKind('intervention'),
      onward_referrals: plan === null ? null : countKind('onward_referral'),
      signposts: plan === null ? null : countKind('signpost'),
      actions_employment_support: plan === null ? null : countDiscipline('employment_support'),
      actions_physiotherapy: plan === null ? null : countDiscipline('physiotherapy'),
      actions_mental_health: plan === null ? null : countDiscipline('mental_health'),
      actions_occupational_therapy: plan === null ? null : countDiscipline('occupational_therapy'),
      actions_other_discipline:
        plan === null ? null : actions.filter((action) => !(NATIONAL_DISCIPLINES as readonly string[]).includes(action.discipline)).length,
      phq9_baseline: row.phq9_baseline ?? null,
      phq9_baseline_date: row.phq9_baseline_date ?? null,
      phq9_follow_up: followUp('phq9', 'latest'),
      phq9_follow_up_date: followUp('phq9', 'latest_date'),
      gad7_baseline: row.gad7_baseline ?? null,
      gad7_baseline_date: row.gad7_baseline_date ?? null,
      gad7_follow_up: followUp('gad7', 'latest'),
      gad7_follow_up_date: followUp('gad7', 'latest_date'),
      wsas_baseline: row.wsas_baseline ?? null,
      wsas_baseline_date: row.wsas_baseline_date ?? null,
      wsas_follow_up: followUp('wsas', 'latest'),
      wsas_follow_up_date: followUp('wsas', 'latest_date'),
      status_at_month_end: statusAtMonthEnd(row),
      exit_date: row.exited_on ?? null,
      exit_reason: row.exit_reason ?? null,
      employment_outcome: row.employment_outcome ?? null,
      follow_up_3_months_status: row.follow_up_three_months_status ?? null,
      follow_up_3_months_date: row.follow_up_three_months_date ?? null,
      follow_up_6_months_status: row.follow_up_six_months_status ?? null,
      follow_up_6_months_date: row.follow_up_six_months_date ?? null,
      row_type: 'participant',
      declined_route: null,
      decline_reason: null,
      declined_referrals: null,
      ...evaluationCells(row, areaCode),
    };
    const evaluation = consentOf(row.consent_evaluation);
    const evaluationWhenMade = consentOf(row.consent_evaluation_when_made);
    lines.push(
      MI_RETURN_COLUMNS.map((column) => csvField(miColumnMaySend(column, evaluation, evaluationWhenMade) ? mi[column] : null)).join(','),
    );
    // A person with two episodes that month is one subject of the export, whatever their rows.
    if (!included.has(String(row.id))) subjects.push({ participantId: String(row.id), outcome: 'included' });
    included.add(String(row.id));
  }
  // The month's declined referrals as counts by route and reason (issue 20, item 9): codes and a
  // count only, so every participant column of these rows stays blank, and no one is a subject.
  for (const declined of countDeclinedReferrals(store, { first, last })) {
    const counted: MiRow = {
      ...BLANK_ROW,
      reporting_month: month,
      row_type: 'declined_referrals',
      declined_route: declined.route,
      decline_reason: declined.reason,
      declined_referrals: declined.count,
    };
    lines.push(MI_RETURN_COLUMNS.map((column) => csvField(counted[column])).join(','));
  }
  const csv = `${lines.join('\r\n')}\r\n`;
  const fileName = `workwell-mi-return-${month}.csv`;
  recordExport(store, { user, kind: 'mi_return', destination: fileName, content: csv, outcome: 'delivered', subjects }, now);
  return { fileName, csv, rows: rows.length, people: included.size };
}
