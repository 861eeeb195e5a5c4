/** Times `run` `iterations` times after `warmup` untimed runs; returns sorted milliseconds. */
export async function measure(run: () => unknown, iterations: number, warmup = Math.min(20, iterations)): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

export function percentile(sortedSamples: readonly number[], fraction: number): number {
  if (sortedSamples.length === 0) return Number.NaN;
  const index = Math.min(sortedSamples.length - 1, Math.max(0, Math.ceil(fraction * sortedSamples.length) - 1));
  return sortedSamples[index] ?? Number.NaN;
}

/**
 * Times two runs alternately (A then B, then B then A, ...), so both meet the same background load
 * on a shared machine; returns each one's sorted milliseconds.
 */
export async function measurePair(
  runA: () => unknown,
  runB: () => unknown,
  iterations: number,
  warmup = Math.min(20, iterations),
): Promise<[number[], number[]]> {
  for (let index = 0; index < warmup; index += 1) {
    await runA();
    await runB();
  }
  const a: number[] = [];
  const b: number[] = [];
  const time = async (run: () => unknown, into: number[]) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let index = 0; index < iterations; index += 1) {
    if (index % 2 === 0) {
      await time(runA, a);
      await time(runB, b);
    } else {
      await time(runB, b);
      await time(runA, a);
    }
  }
  return [a.sort((x, y) => x - y), b.sort((x, y) => x - y)];
}
