import type { ChannelOutput, ParsedInput } from '../../core/contract';
import type { MeasureWordingEntry } from '../../core/schemas/measure-wording';
import { getMeasureDefinition, measureWordingSchemaFor } from '../../core/scoring/measure-definitions';
import { MEASURE_IDS, type MeasureId } from '../../core/scoring/measure-id';
import { deleteMeasureWording, listMeasureWording, upsertMeasureWording } from '../../db/repositories/measure-wording-repository';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';

type ConfiguredRow = Awaited<ReturnType<typeof listMeasureWording>>[number];

function shippedEntry(measure: MeasureId): MeasureWordingEntry {
  const definition = getMeasureDefinition(measure);
  return {
    measure,
    wording: definition.defaultWording,
    source: definition.wordingLicensed ? 'placeholder' : 'default',
    updatedAt: null,
    updatedByName: null,
  };
}

/**
 * The entry for one measure: its configured wording when there is a row that still fits the
 * measure, else the shipped wording. A row that no longer parses (written by a version with other
 * rules) falls back rather than break every form of that measure.
 */
function entryFor(measure: MeasureId, row: ConfiguredRow | undefined): MeasureWordingEntry {
  if (row === undefined) return shippedEntry(measure);
  let stored: unknown;
  try {
    stored = JSON.parse(row.wording_json);
  } catch {
    return shippedEntry(measure);
  }
  const parsed = measureWordingSchemaFor(measure).safeParse(stored);
  if (!parsed.success) return shippedEntry(measure);
  return { measure, wording: parsed.data, source: 'configured', updatedAt: row.updated_at, updatedByName: row.updated_by_name };
}

/** The wording every measure's form uses now, in the usual measure order. */
export async function listWording(store: Store): Promise<ChannelOutput<'measureWording.list'>> {
  const rows = await listMeasureWording(store.db);
  return {
    items: MEASURE_IDS.map((measure) =>
      entryFor(
        measure,
        rows.find((row) => row.measure === measure),
      ),
    ),
  };
}

/**
 * Stores an administrator's wording for one measure (the contract has already checked it fits
 * the measure), replacing any earlier wording. Forms use it from their next load.
 */
export async function saveWording(
  store: Store,
  input: ParsedInput<'measureWording.save'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'measureWording.save'>> {
  try {
    await upsertMeasureWording(store.db, {
      measure: input.measure,
      wording_json: JSON.stringify(input.wording),
      updated_by: userId,
      updated_at: now.toISOString(),
    });
  } catch (error) {
    throw toStoreError(error);
  }
  const rows = await listMeasureWording(store.db);
  return entryFor(
    input.measure,
    rows.find((row) => row.measure === input.measure),
  );
}

/** Removes a measure's configured wording: its form goes back to the shipped wording. */
export async function resetWording(
  store: Store,
  input: ParsedInput<'measureWording.reset'>,
): Promise<ChannelOutput<'measureWording.reset'>> {
  try {
    await deleteMeasureWording(store.db, input.measure);
  } catch (error) {
    throw toStoreError(error);
  }
  return shippedEntry(input.measure);
}
