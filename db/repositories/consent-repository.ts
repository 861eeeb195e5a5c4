import type { Kysely, Selectable } from 'kysely';
import type { ConsentTable, Database } from '../schema';

export async function insertConsent(db: Kysely<Database>, consent: ConsentTable): Promise<void> {
  await db.insertInto('consents').values(consent).execute();
}

/** Every decision for a person, newest first (by when it was recorded). */
export async function listConsents(db: Kysely<Database>, participantId: string): Promise<Array<Selectable<ConsentTable>>> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findConsent(db: Kysely<Database>, id: string): Promise<Selectable<ConsentTable> | undefined> {
  return db.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest decision for one purpose, or undefined if none was ever recorded. */
export async function currentConsent(
  db: Kysely<Database>,
  participantId: string,
  purpose: string,
): Promise<Selectable<ConsentTable> | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Marks a consent withdrawn, only if it is still in force; returns whether a row changed, so two
 * people withdrawing at once cannot both "succeed" silently.
 */
export async function markConsentWithdrawn(
  db: Kysely<Database>,
  change: { id: string; withdrawnOn: string; withdrawnBy: string; recordedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('consents')
    .set({ withdrawn_on: change.withdrawnOn, withdrawn_by: change.withdrawnBy, withdrawn_recorded_at: change.recordedAt })
    .where('id', '=', change.id)
    .where('decision', '=', 'given')
    .where('withdrawn_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Of these people, those whose newest decision about the WorkWell service is not in force
 * (declined, or given and withdrawn). People with no decision recorded are not among them.
 */
export async function peopleRefusingService(db: Kysely<Database>, participantIds: readonly string[]): Promise<Set<string>> {
  if (participantIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('consents as c')
    .select('c.participant_id')
    .where('c.purpose', '=', 'service')
    .where('c.participant_id', 'in', [...new Set(participantIds)])
    .where((eb) => eb.or([eb('c.decision', '!=', 'given'), eb('c.withdrawn_on', 'is not', null)]))
    // Only the newest decision counts: none recorded after this one.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('consents as later')
            .select('later.id')
            .whereRef('later.participant_id', '=', 'c.participant_id')
            .where('later.purpose', '=', 'service')
            .where((eb) =>
              eb.or([
                eb('later.recorded_at', '>', eb.ref('c.recorded_at')),
                eb.and([eb('later.recorded_at', '=', eb.ref('c.recorded_at')), eb('later.id', '>', eb.ref('c.id'))]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return new Set(rows.map((row) => row.participant_id));
}
