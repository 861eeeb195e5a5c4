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
 */
export const measureWordingSchema = z.strictObject({
  stem: wordingText.optional(),
  itemLabels: z.array(wordingText).min(1, 'Give a label for every item'),
  responseOptions: z.array(responseOptionSchema).optional(),
});
export type MeasureWording = z.infer<typeof measureWordingSchema>;

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
