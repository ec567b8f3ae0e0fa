import { FormErrors } from '@werkbrug/web';
import { parseAuditFilter, typedDate } from './audit-filter.form';

describe('the logboek filters', () => {
  it.each<[string, string | null]>([
    ['1-12-2026', '2026-12-01'],
    ['01-12-2026', '2026-12-01'],
    ['1/7/2026', '2026-07-01'],
    ['2026-12-01', '2026-12-01'],
    ['31-2-2026', null],
    ['morgen', null],
    ['12-2026', null],
  ])('%j is the date %j', (text, date) => {
    expect(typedDate(text)).toBe(date);
  });

  const values = { wie: '', kandidaat: '', actie: '', van: '', tot: '' };

  it('takes whole Dutch days, the last one included, winter and summer', async () => {
    const errors = new FormErrors();
    const winter = await parseAuditFilter(
      { ...values, van: '1-12-2026', tot: '31-12-2026' },
      undefined,
      [],
      errors,
    );
    expect(winter).toMatchObject({
      from: '2026-12-01T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
    });
    const summer = await parseAuditFilter({ ...values, van: '1-7-2026' }, undefined, [], errors);
    expect(summer?.from).toBe('2026-07-01T00:00:00+02:00');
    expect(errors.any).toBe(false);
  });

  it.each<[Partial<typeof values>, string | null | undefined, string]>([
    [{ van: '32-1-2026' }, undefined, 'van'],
    [{ van: '2-1-2026', tot: '1-1-2026' }, undefined, 'tot'],
    [{ wie: 'niemand@test.nl' }, null, 'wie'],
    [{ kandidaat: '123' }, undefined, 'kandidaat'],
    [{ actie: 'drop.table' }, undefined, 'actie'],
  ])('refuses %j at its field', async (typed, userId, at) => {
    const errors = new FormErrors();
    expect(
      await parseAuditFilter({ ...values, ...typed }, userId, ['candidate.read'], errors),
    ).toBe(null);
    expect(errors.has(at)).toBe(true);
  });
});
