/**
 * Runs tasks one after another. Session changes (set up, unlock, lock) go through one queue so two
 * windows or a double click can never open the store twice or set it up twice.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
