import { describe, expect, it } from 'vitest';
import { GAD7_DEFAULT_WORDING, PHQ9_DEFAULT_WORDING, PHQ_GAD_RESPONSE_OPTIONS } from '../../../../core/scoring/default-wording';
import { PHQ9_RISK_ITEM_INDEX } from '../../../../core/scoring/phq9';

/**
 * The PHQ-9 and GAD-7 wording was checked against the published forms (Pfizer's PHQ screeners).
 * These pins stop it drifting: item 9 is the risk question, and a reworded risk question or
 * answer scale would no longer be the validated PHQ-9.
 */
describe('published PHQ-9 and GAD-7 wording', () => {
  it('asks PHQ-9 item 9 in the published words', () => {
    expect(PHQ9_DEFAULT_WORDING.itemLabels[PHQ9_RISK_ITEM_INDEX]).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(PHQ9_DEFAULT_WORDING.itemLabels).toHaveLength(9);
  });

  it('labels the answers 0-3 in the published words, for both measures', () => {
    const published = [
      { value: 0, label: 'Not at all' },
      { value: 1, label: 'Several days' },
      { value: 2, label: 'More than half the days' },
      { value: 3, label: 'Nearly every day' },
    ];
    expect(PHQ_GAD_RESPONSE_OPTIONS).toEqual(published);
    expect(PHQ9_DEFAULT_WORDING.responseOptions).toEqual(published);
    expect(GAD7_DEFAULT_WORDING.responseOptions).toEqual(published);
  });

  it('keeps the published stems', () => {
    expect(PHQ9_DEFAULT_WORDING.stem).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(GAD7_DEFAULT_WORDING.stem).toBe('Over the last 2 weeks, how often have you been bothered by the following problems?');
  });

  it('asks every PHQ-9 and GAD-7 item in the words of the published forms', () => {
    expect(PHQ9_DEFAULT_WORDING.itemLabels).toEqual([
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ]);
    expect(GAD7_DEFAULT_WORDING.itemLabels).toEqual([
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it’s hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ]);
  });
});
