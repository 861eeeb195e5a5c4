/** Field ids mirror the contract's dotted paths: `gradedReturn.weeks.1.hours` is `adj-gradedReturn-weeks-1-hours`. */
export const adjustmentsFieldId = (path: string) => `adj-${path.replaceAll('.', '-')}`;

/** The same for the AHP Health and Work Report form. */
export const ahpFieldId = (path: string) => `ahp-${path.replaceAll('.', '-')}`;
