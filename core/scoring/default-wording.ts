import { type MeasureWording, placeholderWording, type ResponseOption } from './measure-wording';
import { MSKHQ_ITEM_COUNT } from './msk-hq';
import { WSAS_DOMAIN_LABELS, WSAS_DOMAINS, WSAS_ITEM_COUNT } from './wsas';

/**
 * The standard answers for PHQ-9 and GAD-7 (the same four for both). PHQ-9 and GAD-7 were
 * developed with a grant from Pfizer, which allows them to be reproduced without permission.
 */
export const PHQ_GAD_RESPONSE_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** Standard English PHQ-9 wording. The unscored tenth "how difficult" question is not included. */
export const PHQ9_DEFAULT_WORDING: MeasureWording = {
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  itemLabels: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  responseOptions: [...PHQ_GAD_RESPONSE_OPTIONS],
};

/**
 * Standard English GAD-7 wording, as on Pfizer's published form (item 5 reads "it’s hard", item 1
 * keeps its serial comma, item 7 has no comma before "as if").
 */
export const GAD7_DEFAULT_WORDING: MeasureWording = {
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  itemLabels: [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it’s hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  responseOptions: [...PHQ_GAD_RESPONSE_OPTIONS],
};

/**
 * WSAS wording is copyright: placeholders naming each item's domain until a partnership
 * configures the licensed text.
 */
export const WSAS_PLACEHOLDER_WORDING: MeasureWording = placeholderWording(
  WSAS_ITEM_COUNT,
  WSAS_DOMAINS.map((domain) => WSAS_DOMAIN_LABELS[domain].toLowerCase()),
);

/** MSK-HQ wording is licensed: neutral placeholders until a partnership configures it. */
export const MSKHQ_PLACEHOLDER_WORDING: MeasureWording = placeholderWording(MSKHQ_ITEM_COUNT);

export const WORK_ABILITY_DEFAULT_WORDING: MeasureWording = {
  itemLabels: ['Current work ability compared with your lifetime best (0 = cannot work at all, 10 = work ability at its best)'],
};
