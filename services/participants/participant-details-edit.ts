import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../core/app-error';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { DetailsEdit } from '../../core/schemas/participant-details-edit';
import { participantDetailsSnapshotSchema, type ParticipantDetailsSnapshot } from '../../core/schemas/participant-details-snapshot';
import { currentDetailsVersion, listDetailEdits, saveDetailEdit } from '../../db/repositories/participant-details-repository';
import { findPossibleDuplicates, type ParticipantRow } from '../../db/repositories/participant-repository';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';
import { detailsColumns, detailsSnapshotOf } from './participant-details-columns';
import { requireParticipant } from './require-participant';

/** A person's details and their edits, newest first: the record's "earlier versions". */
export async function detailsHistory(store: Store, participantId: string): Promise<{ version: number; edits: DetailsEdit[] }> {
  const rows = await listDetailEdits(store.db, participantId);
  const edits = rows.map((row) => ({
    id: row.id,
    version: row.version,
    savedAt: row.saved_at,
    savedByName: row.saved_by_name,
    // Parsed, not cast: edits saved before the monitoring answers existed read them as not recorded.
    before: participantDetailsSnapshotSchema.parse(JSON.parse(row.before_json)),
    after: participantDetailsSnapshotSchema.parse(JSON.parse(row.after_json)),
  }));
  return { version: edits[0]?.version ?? 1, edits };
}

/**
 * The registration's duplicate checks, for an edit: a new NHS number may not be anyone else's, and
 * a new name and date of birth that match someone else's needs the editor's confirmation.
 */
export async function checkEditDuplicates(
  store: Store,
  row: ParticipantRow,
  after: ParticipantDetailsSnapshot,
  confirmed: boolean,
): Promise<void> {
  const before = detailsSnapshotOf(row);
  const others = (await findPossibleDuplicates(store.db, after)).filter((match) => match.id !== row.id);
  const sameNhs = others.find((match) => match.matched_on === 'nhs_number');
  if (after.nhsNumber !== before.nhsNumber && sameNhs !== undefined) {
    throw new AppError('CONFLICT', `This NHS number is already registered, as ${sameNhs.reference}. Check the number.`, {
      'person.nhsNumber': `Already registered as ${sameNhs.reference}`,
    });
  }
  const identityChanged =
    after.givenName !== before.givenName || after.familyName !== before.familyName || after.dateOfBirth !== before.dateOfBirth;
  const sameName = others.filter((match) => match.matched_on === 'name_and_date_of_birth');
  if (identityChanged && sameName.length > 0 && !confirmed) {
    throw new AppError(
      'CONFLICT',
      `Someone with the same name and date of birth is already registered (${sameName.map((match) => match.reference).join(', ')}). Check before saving.`,
    );
  }
}

/**
 * Saves an edit of a person's details and work as a new version: the values before and after, who
 * and when. A compare-and-set on the version the editor started from: when someone else saved
 * first (on this laptop, or on another one whose change has since arrived), nothing is saved and
 * the editor keeps what they typed. The partnership server refuses the second of two offline edits
 * of the same version by its unique index.
 */
export async function editParticipantDetails(
  store: Store,
  input: ParsedInput<'participants.editDetails'>,
  savedBy: string,
  now: Date,
): Promise<ChannelOutput<'participants.editDetails'>> {
  const row = await requireParticipant(store, input.participantId);
  const current = await currentDetailsVersion(store.db, row.id);
  if (current !== input.version) {
    throw new AppError(
      'CONFLICT',
      'Someone else saved changes to these details first. Nothing was saved: your changes are still in the form. Check theirs, then save again.',
    );
  }
  const before = detailsSnapshotOf(row);
  const after: ParticipantDetailsSnapshot = {
    ...input.person,
    employment: input.employment,
    monitoring: input.monitoring ?? before.monitoring,
    gpPractice: input.gpPractice === undefined ? before.gpPractice : input.gpPractice,
  };
  if (isDeepStrictEqual(before, after)) throw new AppError('VALIDATION', 'Nothing has changed: there is nothing to save.');
  await checkEditDuplicates(store, row, after, input.confirmedNotDuplicate);
  const version = current + 1;
  try {
    await auditedTransaction(store, (trx) => saveDetailsVersion(trx, { participantId: row.id, version, before, after, savedBy, now }));
  } catch (error) {
    throw toStoreError(error);
  }
  return { version };
}

/**
 * Saves `after` as version `version` of a person's details in the caller's transaction: the values
 * before and after, who and when, applied to their row. The unique index on person and version
 * refuses a second save of the same version (here, or from another laptop at the server).
 */
export async function saveDetailsVersion(
  trx: Kysely<Database>,
  edit: {
    participantId: string;
    version: number;
    before: ParticipantDetailsSnapshot;
    after: ParticipantDetailsSnapshot;
    savedBy: string;
    now: Date;
  },
): Promise<void> {
  await saveDetailEdit(
    trx,
    {
      id: randomUUID(),
      participant_id: edit.participantId,
      version: edit.version,
      before_json: JSON.stringify(edit.before),
      after_json: JSON.stringify(edit.after),
      saved_by: edit.savedBy,
      saved_at: edit.now.toISOString(),
    },
    detailsColumns(edit.after),
  );
}
