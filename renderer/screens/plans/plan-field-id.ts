/** Field ids mirror the contract's dotted paths: `actions.1.ownerId` is `plan-actions-1-ownerId`. */
export const planFieldId = (path: string) => `plan-${path.replaceAll('.', '-')}`;
