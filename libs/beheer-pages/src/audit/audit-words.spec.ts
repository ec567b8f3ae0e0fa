import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_FALLBACK, AUDIT_ACTION_WORDS } from '@werkbrug/kandidaat-pages';
import { aboutTheCandidate, auditActionChoices, auditActionWords } from './audit-words';

const JE = /(?<![\p{L}])(je|jij|jou|jouw|jezelf)(?![\p{L}])/iu;
const LIBS = path.join(__dirname, '..', '..', '..');

/** Every action the code writes to the audit log (`action: '…'` in the libs' sources). */
function writtenActions(dir = LIBS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : writtenActions(file);
    if (!/\.ts$/.test(name) || /\.(e2e-)?spec\.ts$/.test(name)) return [];
    return [...readFileSync(file, 'utf8').matchAll(/action: '([a-z_.]+)'/g)].map((m) => m[1]);
  });
}

describe('the audit trail in the administrator’s words', () => {
  it.each<[string, string]>([
    ['heeft je dossier gelezen', 'heeft het dossier van de kandidaat gelezen'],
    ['heeft je gegevens veranderd', 'heeft de gegevens van de kandidaat veranderd'],
    ['heeft je voorgesteld bij een werkgever', 'heeft de kandidaat voorgesteld bij een werkgever'],
    ['heeft je gedeelde profiel bekeken', 'heeft het gedeelde profiel van de kandidaat bekeken'],
    ['heeft een gesprek met je opgeschreven', 'heeft een gesprek met de kandidaat opgeschreven'],
    [
      'heeft de regelingen bij je plaatsing bekeken',
      'heeft de regelingen bij de plaatsing van de kandidaat bekeken',
    ],
    [
      'heeft opgeschreven waar je staat op de participatieladder',
      'heeft opgeschreven waar de kandidaat staat op de participatieladder',
    ],
    ['heeft interesse doorgegeven', 'heeft interesse doorgegeven'],
  ])('%j → %j', (candidate, admin) => {
    expect(aboutTheCandidate(candidate)).toBe(admin);
  });

  it('says every action without "je"', () => {
    for (const action of Object.keys(AUDIT_ACTION_WORDS))
      expect({ action, words: auditActionWords(action) }).toEqual({
        action,
        words: expect.not.stringMatching(JE) as unknown as string,
      });
    expect(auditActionWords('instrument.rule_version.create')).toMatch(/regeling/);
    expect(auditActionWords('iets.nieuws')).toBe('heeft de gegevens van de kandidaat gebruikt');
  });

  it('has words of its own for every action the code writes (never the catch-all)', () => {
    const actions = [...new Set(writtenActions())];
    expect(actions.length).toBeGreaterThan(40);
    const fallback = aboutTheCandidate(AUDIT_ACTION_FALLBACK);
    expect(actions.filter((a) => auditActionWords(a) === fallback)).toEqual([]);
  });

  it('offers each action once as a filter choice', () => {
    const choices = auditActionChoices();
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    expect(choices.find((c) => c.value === 'candidate.read')?.text).toBe(
      'het dossier van de kandidaat gelezen',
    );
  });
});
