import { ErrorSummary } from '../../components/error-summary';
import { SAVED_MESSAGE_ID } from './use-section-editor';

/**
 * What happened last in a settings section: a refused change or a failed load (error summary),
 * or a confirmation after a save, which takes focus and is announced.
 */
export function SectionMessages({ saved, problem }: { saved: string | undefined; problem: string | undefined }) {
  return (
    <>
      <ErrorSummary fieldErrors={{}} message={problem} />
      <div role="status" className={saved === undefined ? undefined : 'ww-saved'} id={SAVED_MESSAGE_ID} tabIndex={-1}>
        {saved}
      </div>
    </>
  );
}
