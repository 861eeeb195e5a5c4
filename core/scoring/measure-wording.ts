import { z } from 'zod';

const wordingText = z.string().trim().min(1, 'Wording cannot be blank').max(1000, 'Wording must be 1000 characters or fewer');

/** A label for one answer value, e.g. `{ value: 0, label: 'Not at all' }`. */
export const responseOptionSchema = z.strictObject({
  value: z.number().int(),
  label: wordingText,
});
export type ResponseOption = z.infer<typeof responseOptionSchema>;

/**
 * The words shown to the person for a measure. Kept apart from the scoring because WSAS and
 * MSK-HQ wording is copyright / licensed: the app ships scoring only, and each partnership that
 * holds a licence supplies the wording as configuration. `stem` is the question above the items;
 * `responseOptions`, when given, label the answer values (unlisted values show as bare numbers).
 * `itemResponseOptions` gives one item its own labels, keyed by the item's 0-based index as text
 * ("11", not "011"):
 * some measures (MSK-HQ items 12 and 13) list their answers the other way round from the rest, so
 * one shared set of labels would put the words against the wrong scores on those items.
 */
export const measureWordingSchema = z.strictObject({
  stem: wordingText.optional(),
  itemLabels: z.array(wordingText).min(1, 'Give a label for every item'),
  responseOptions: z.array(responseOptionSchema).optional(),
  itemResponseOptions: z
    .record(z.string().regex(/^(?:0|[1-9]\d{0,2})$/), z.array(responseOptionSchema).min(1, 'Give at least one label'))
    .optional(),
});
export type MeasureWording = z.infer<typeof measureWordingSchema>;

/**
 * The label shown for answer `value` on item `itemIndex` (0-based): the item's own label when the
 * wording gives that item its own options, else the shared label, else the bare number. An item
 * with its own options never falls back to the shared labels, which run the other way on it.
 * `itemIndex` null asks for the shared label alone (a column heading).
 */
export function answerLabelFor(wording: MeasureWording, itemIndex: number | null, value: number): string {
  const own = itemIndex === null ? undefined : wording.itemResponseOptions?.[String(itemIndex)];
  return (own ?? wording.responseOptions)?.find((option) => option.value === value)?.label ?? String(value);
}

/** Whether item `itemIndex` (0-based) has answer labels of its own in this wording. */
export function hasOwnAnswerLabels(wording: MeasureWording, itemIndex: number): boolean {
  return wording.itemResponseOptions?.[String(itemIndex)] !== undefined;
}

/**
 * Neutral stand-ins ("Item 1", "Item 2"...) for measures whose wording is licensed, so the form
 * still works, visibly unconfigured, before a partnership adds its licensed text. `hints` are
 * appended in brackets (e.g. the WSAS domain names, which are not the licensed item text).
 */
export function placeholderWording(itemCount: number, hints: readonly string[] = []): MeasureWording {
  return {
    itemLabels: Array.from({ length: itemCount }, (_, index) => {
      const hint = hints[index];
      return hint === undefined ? `Item ${index + 1}` : `Item ${index + 1} (${hint})`;
    }),
  };
}
