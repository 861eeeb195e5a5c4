/** Polls `check` until it holds (returns without throwing), or throws its last failure after `ms`. */
export async function within<T>(ms: number, check: () => Promise<T>): Promise<T> {
  const started = performance.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() - started > ms) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
