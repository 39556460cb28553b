// Runs a collection per device with a bounded number in flight. One session per device at a time
// (an ASA allows 5 per context, and an auditor should not take them all); one failure never stops
// the others. Results come back in input order so reports stay deterministic.

export interface FleetResult<T> {
  index: number;
  ok: boolean;
  value?: T;
  error?: unknown;
  ms: number;
}

export async function runFleet<H, T>(
  hosts: readonly H[],
  concurrency: number,
  work: (host: H) => Promise<T>,
  onDone?: (done: number, total: number, result: FleetResult<T>) => void,
): Promise<Array<FleetResult<T>>> {
  const results = new Array<FleetResult<T>>(hosts.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const index = next++;
      const start = Date.now();
      try {
        results[index] = { index, ok: true, value: await work(hosts[index]!), ms: Date.now() - start };
      } catch (error) {
        results[index] = { index, ok: false, error, ms: Date.now() - start };
      }
      onDone?.(++done, hosts.length, results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, hosts.length)) }, worker));
  return results;
}
