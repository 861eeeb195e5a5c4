import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../core/app-error';
import type { Result } from '../../core/result';

export interface SubmitState {
  readonly busy: boolean;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly message: string | undefined;
}

/**
 * Runs one contract call for a form: tracks busy state (so the button shows progress and cannot
 * be pressed twice) and maps a failed Result to field messages keyed by the form's field ids.
 */
export function useSubmit<T>(fieldIdFor: (path: string) => string = (path) => path) {
  const [state, setState] = useState<SubmitState>({ busy: false, fieldErrors: {}, message: undefined });

  const submit = useCallback(
    async (call: () => Promise<Result<T>>, onSuccess: (value: T) => void) => {
      setState({ busy: true, fieldErrors: {}, message: undefined });
      const result = await call();
      if (result.ok) {
        setState({ busy: false, fieldErrors: {}, message: undefined });
        onSuccess(result.value);
        return;
      }
      setState({ busy: false, ...describeError(result.error, fieldIdFor) });
    },
    [fieldIdFor],
  );

  const showErrors = useCallback((fieldErrors: Record<string, string>) => {
    setState({ busy: false, fieldErrors, message: undefined });
  }, []);

  return { ...state, submit, showErrors };
}

function describeError(error: AppErrorShape, fieldIdFor: (path: string) => string): Pick<SubmitState, 'fieldErrors' | 'message'> {
  if (error.fields === undefined) return { fieldErrors: {}, message: error.message };
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) fieldErrors[fieldIdFor(path)] = message;
  return { fieldErrors, message: undefined };
}
