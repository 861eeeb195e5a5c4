import { useApi } from '../../api/api-context';
import { useSubmit } from '../../components/use-submit';

/** Makes an agreed plan active: support starts. */
export function useActivate(planId: string, onDone: () => void) {
  const api = useApi();
  const submit = useSubmit<unknown>();
  return { busy: submit.busy, message: submit.message, run: () => submit.submit(() => api.call('plans.activate', { planId }), onDone) };
}
