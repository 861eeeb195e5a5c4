/** A person to contact about the plan: their coach, or the professional who owns an action. */
export interface PlanContact {
  readonly name: string;
  readonly role: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** One action in plain words: what will happen, who does it, by when, and where to go for it. */
export interface PlanDocumentAction {
  readonly what: string;
  readonly kind: string;
  readonly who: string;
  readonly discipline: string;
  readonly dueOn: string | null;
  readonly status: string;
  readonly goal: string | null;
  readonly service: {
    readonly name: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly website: string | null;
  } | null;
}

/**
 * Everything the person's plan document prints, already in words (names, labels, dates), so the
 * document component only lays it out. Built from the plan in services/documents/plan-pdf.ts.
 */
export interface PlanDocumentModel {
  readonly personName: string;
  readonly reference: string;
  readonly versionNumber: number;
  readonly statusLabel: string;
  readonly goals: readonly string[];
  readonly actions: readonly PlanDocumentAction[];
  readonly reviewOn: string | null;
  readonly agreedByMdtOn: string | null;
  readonly agreedWithPersonOn: string | null;
  readonly contacts: readonly PlanContact[];
}
