import type { CaseComplexity, MinimumData } from '../../core/schemas/meetings';
import { caseFacts } from '../../db/repositories/meeting-repository';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What triage and the agenda need to know about one case. */
export interface CaseFacts {
  readonly minimumData: MinimumData;
  readonly complexity: CaseComplexity;
}

/** The one message every refusal to list a case uses, naming what is missing. */
export function minimumDataMessage(minimumData: MinimumData): string {
  const missing = [
    !minimumData.joinedUpAssessment && 'a joined-up assessment',
    !minimumData.serviceConsent && 'consent to the service in force',
  ].filter(Boolean);
  return `This case cannot be listed for discussion yet: it needs ${missing.join(' and ')}.`;
}

/** Minimum data and complexity for each person, in one query. */
export async function loadCaseFacts(db: Kysely<Database>, participantIds: readonly string[]): Promise<Map<string, CaseFacts>> {
  const rows = await caseFacts(db, [...new Set(participantIds)]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        minimumData: { joinedUpAssessment: Boolean(row.has_joined_up), serviceConsent: Number(row.service_consent ?? 0) === 1 },
        complexity: { openRiskFlag: Number(row.open_flags ?? 0) > 0, disciplineCount: Number(row.discipline_count) },
      },
    ]),
  );
}

const NO_FACTS: CaseFacts = {
  minimumData: { joinedUpAssessment: false, serviceConsent: false },
  complexity: { openRiskFlag: false, disciplineCount: 0 },
};

/** The facts for one person from a loaded map (a person always has a row; this only satisfies the types). */
export function factsOf(facts: ReadonlyMap<string, CaseFacts>, participantId: string): CaseFacts {
  return facts.get(participantId) ?? NO_FACTS;
}
