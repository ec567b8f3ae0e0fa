import { readFileSync } from 'node:fs';

/** Percentiles over a list of millisecond samples. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
      : NaN;
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function fmt(p: ReturnType<typeof percentiles>) {
  return `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)} (n=${p.n})`;
}

/** Resident memory of a process in MB, read from /proc. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 102.4) / 10;
  } catch {
    return NaN;
  }
}

/** Runs `fn` for every item with at most `concurrency` in flight; returns per-call latencies. */
export async function timedPool<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const start = performance.now();
        await fn(item);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies;
}

/** CPU time (user + system) a process has used so far, in ms, read from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
