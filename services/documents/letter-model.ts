import type { LetterKind, LetterRecipient } from '../../core/schemas/letters';
import type { DocumentPerson } from './person-identity';
import type { PlanContact } from './plan-document-model';

/** One action of the agreed plan, in plain words for a letter: what, who (and their discipline), by when. */
export interface LetterAction {
  readonly what: string;
  readonly who: string;
  readonly discipline: string;
  readonly dueOn: string | null;
  /** The onward service it refers or signposts to, by name. */
  readonly serviceName: string | null;
}

/** What a "plan agreed" letter says: the goals in the person's words, the actions, when it was agreed and will be reviewed. */
export interface PlanAgreedContent {
  readonly kind: 'plan_agreed';
  readonly versionNumber: number;
  readonly agreedOn: string | null;
  readonly goals: readonly string[];
  readonly actions: readonly LetterAction[];
  readonly reviewOn: string | null;
}

/** What a "case closed" letter says: when, why (the reason and its words for "other") and the employment outcome. */
export interface CaseClosedContent {
  readonly kind: 'case_closed';
  readonly closedOn: string;
  readonly reason: string;
  readonly employmentOutcome: string;
}

/**
 * Everything a letter to the GP or the referrer prints, already in words, so the document component
 * only lays it out. Built in services/documents/letter-pdf.tsx from the record; it holds the plan
 * or the closure and who the person is, never an assessment, score, risk flag or note.
 */
export interface LetterModel {
  readonly kind: LetterKind;
  readonly recipient: LetterRecipient;
  /** The addressee as the letter and the "letters sent" list name them. */
  readonly addressedTo: string;
  readonly salutation: string;
  readonly person: DocumentPerson;
  readonly referredOn: string | null;
  readonly content: PlanAgreedContent | CaseClosedContent;
  /** Who to contact at WorkWell: the person's coach, when they have one in the team list. */
  readonly contact: PlanContact | null;
}
