import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let clock = 0;
  const cache = () => new TtlCache<string>(1000, 2, () => clock);
  beforeEach(() => {
    clock = 0;
  });

  it.each<[string, (c: TtlCache<string>, calls: string[]) => Promise<unknown>, string[]]>([
    [
      'a hit within the ttl computes once',
      async (c, calls) => {
        await c.get('a', async () => (calls.push('a'), 'A'));
        clock = 999;
        await c.get('a', async () => (calls.push('a'), 'A'));
      },
      ['a'],
    ],
    [
      'after the ttl it computes again',
      async (c, calls) => {
        await c.get('a', async () => (calls.push('a'), 'A'));
        clock = 1000;
        await c.get('a', async () => (calls.push('a'), 'A'));
      },
      ['a', 'a'],
    ],
    [
      'the least recently used goes when full',
      async (c, calls) => {
        const get = (k: string) => c.get(k, async () => (calls.push(k), k));
        await get('a');
        await get('b');
        await get('a');
        await get('c'); // evicts b
        await get('a');
        await get('b');
      },
      ['a', 'b', 'c', 'b'],
    ],
    [
      'concurrent misses share one computation',
      async (c, calls) => {
        await Promise.all([1, 2, 3].map(() => c.get('a', async () => (calls.push('a'), 'A'))));
      },
      ['a'],
    ],
    [
      'a failure is not cached',
      async (c, calls) => {
        await c
          .get('a', async () => {
            calls.push('fail');
            throw new Error('down');
          })
          .catch(() => undefined);
        await c.get('a', async () => (calls.push('a'), 'A'));
      },
      ['fail', 'a'],
    ],
  ])('%s', async (_name, run, expected) => {
    const calls: string[] = [];
    await run(cache(), calls);
    expect(calls).toEqual(expected);
  });
});
