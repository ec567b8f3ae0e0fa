import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendErasure, readErasureLog } from './erasure-log';

describe('erasure log', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'erasure-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps ids and times only, each id once over several logs, skipping torn lines', async () => {
    const a = path.join(dir, 'a', 'log.ndjson');
    const b = path.join(dir, 'b.ndjson');
    const id1 = '11111111-1111-4111-8111-111111111111';
    const id2 = '22222222-2222-4222-8222-222222222222';
    await appendErasure(a, id1, new Date('2026-01-01T00:00:00Z'));
    await appendErasure(b, id1, new Date('2026-02-01T00:00:00Z'));
    await appendErasure(b, id2, new Date('2026-03-01T00:00:00Z'));
    appendFileSync(b, '{"candidateId":"3333');
    expect(readErasureLog(a, b, path.join(dir, 'missing'))).toEqual([
      { candidateId: id1, erasedAt: '2026-01-01T00:00:00.000Z' },
      { candidateId: id2, erasedAt: '2026-03-01T00:00:00.000Z' },
    ]);
  });

  it.each([['not-a-uuid'], ["x'; DROP TABLE candidates; --"]])('ignores an entry %s', (id) => {
    const file = path.join(dir, 'bad.ndjson');
    appendFileSync(file, `${JSON.stringify({ candidateId: id, erasedAt: 'x' })}\n`);
    expect(readErasureLog(file)).toEqual([]);
  });
});
