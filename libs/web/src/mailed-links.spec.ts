import { ROLES } from '@werkbrug/auth';
import {
  MAILED_AREAS,
  MAILED_LINKS,
  MAILED_PATHS,
  mailedLinkOf,
  type MailedLink,
} from './mailed-links';
import { LANDING } from './navigation';
import { WEB_PATHS } from './install-web';

const ID = '5f0c7a52-8d7e-4a0b-9a51-3c1f0e1d2b44';
const rows = Object.entries(MAILED_LINKS as Record<string, MailedLink>);

describe('MAILED_LINKS: each role to its own page', () => {
  it.each(rows)('%s sends every role only into its own area', (_path, link) => {
    for (const role of ROLES) {
      const target = link.to[role]?.(ID);
      if (target === undefined) continue;
      expect([role, target.startsWith(LANDING[role])]).toEqual([role, true]);
    }
  });

  it.each(rows)(
    '%s: an object row asks the object its rule, and its pages name it',
    (path, link) => {
      const object = path.endsWith('/:id');
      expect({ path, checks: !!link.visible }).toEqual({ path, checks: object });
      // No page for the administrator: an object is the 404 page for them, as for any outsider.
      if (object) expect(link.to.admin).toBeUndefined();
    },
  );

  it('the proposal and placement links of the mails have a row', () => {
    expect(MAILED_PATHS).toEqual(
      expect.arrayContaining(['voorstellen/:id', 'voorstellen', 'plaatsingen/:id', 'plaatsingen']),
    );
    expect(mailedLinkOf('/voorstellen/:id')?.to.kandidaat?.(ID)).toBe(
      `/kandidaat/toestemming/${ID}`,
    );
    expect(mailedLinkOf('/plaatsingen/:id')?.to.werkmakelaar?.(ID)).toBe(
      `/werkmakelaar/plaatsingen/${ID}`,
    );
    expect(mailedLinkOf('/bestaat-niet')).toBeUndefined();
  });

  it('its paths are served outside the /api prefix', () => {
    for (const area of MAILED_AREAS)
      expect(WEB_PATHS).toEqual(expect.arrayContaining([area, `${area}/{*path}`]));
  });
});
