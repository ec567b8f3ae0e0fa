import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ViewRenderer } from './view-renderer';
import { webViewsDir } from './views-dir';

const renderer = new ViewRenderer();

/** Each partial in the states it has; the snapshots are the reviewed HTML of every component. */
const CASES: Record<string, Record<string, Record<string, unknown>>> = {
  alert: {
    info: { title: 'Let op', text: 'Bedragen zijn een indicatie.' },
    ok: { type: 'ok', title: 'Opgeslagen' },
  },
  'notification-banner': { default: { text: 'Je profiel is gedeeld met Bakkerij De Korenaar.' } },
  pager: {
    'first page': { label: 'Afgeronde voorstellen', nextHref: '/x?na=abc', nextText: 'Oudere' },
    'later page': { label: 'Afgeronde voorstellen', firstHref: '/x', nextHref: '/x?na=def' },
    'last page': { label: 'Afgeronde voorstellen', firstHref: '/x' },
    'only page': { label: 'Afgeronde voorstellen' },
  },
  'back-link': { default: { href: '/werkgever' }, text: { href: '/x', text: 'Terug naar start' } },
  button: {
    primary: { text: 'Opslaan' },
    secondary: { text: 'Annuleren', secondary: true, name: 'actie', value: 'stop' },
  },
  'button-link': { primary: { href: '/nieuw', text: 'Nieuwe werkplek' } },
  'check-answers': {
    rows: {
      changeAction: '/werkgever/werkplekken/nieuw',
      rows: [
        { key: 'Naam', value: 'Groenonderhoud', changeField: 'title' },
        { key: 'Startdatum', value: '', changeField: 'startDate' },
      ],
    },
  },
  'choice-group': {
    empty: {
      type: 'checkbox',
      name: 'days',
      legend: 'Op welke dagen?',
      options: [
        { value: 'ma', text: 'maandag' },
        { value: 'di', text: 'dinsdag', hint: 'Alleen ochtend' },
      ],
    },
    filled: {
      type: 'radio',
      name: 'kind',
      legend: 'Soort afspraak',
      hint: 'Kies er één',
      values: ['meeloopdag'],
      options: [
        { value: 'kennismaking', text: 'Kennismaking' },
        { value: 'meeloopdag', text: 'Meeloopdag' },
      ],
    },
    error: {
      type: 'checkbox',
      name: 'akkoord',
      legend: 'Gaat u akkoord?',
      error: 'Zet een vinkje',
      options: [{ value: 'ja', text: 'Ja' }],
    },
  },
  csrf: { default: { '@root': {} } },
  'error-summary': {
    none: {},
    errors: {
      errors: {
        summary: [
          { href: '#veld-title', text: 'Vul de naam in' },
          { href: '#veld-days', text: 'Kies minstens één dag' },
        ],
      },
    },
  },
  'hidden-fields': {
    values: {
      hidden: [
        { name: 'title', value: 'Groen & zo' },
        { name: 'workingDays', value: 'ma' },
        { name: 'workingDays', value: 'di' },
      ],
    },
  },
  navigation: {
    none: { navigation: [] },
    employer: {
      navigation: [
        { href: '/werkgever', text: 'Start', current: true },
        { href: '/werkgever/voorstellen', text: 'Voorstellen', current: false },
      ],
    },
  },
  'page-footer': {
    default: {},
    'signed in (u)': { sessionTimer: { minutes: 30, je: false } },
    'signed in (je)': { sessionTimer: { minutes: 30, je: true } },
  },
  'page-header': {
    anonymous: {},
    signedIn: { user: { displayName: 'Gert Groen', role: 'werkgever' }, csrfToken: 'tok' },
  },
  'proposal-table': {
    empty: { caption: 'Afgerond', items: [], empty: 'Nog geen afgeronde voorstellen.' },
    rows: {
      caption: 'Wacht op uw antwoord',
      items: [
        {
          id: 'p1',
          candidate: { pseudonym: 'Kandidaat K-004821' },
          vacancy: { title: 'Hovenier' },
          status: 'wacht_op_werkgever',
          markText: 'Nog beoordelen',
          createdAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    },
  },
  'session-warning': {
    u: {
      sessionTimer: { leftMs: 1_800_000, warnMs: 120_000, je: false },
      currentPath: '/werkmakelaar',
      csrfToken: 'tok',
    },
    je: {
      sessionTimer: { leftMs: 1_740_000, warnMs: 120_000, je: true },
      currentPath: '/kandidaat/wensen',
      csrfToken: 'tok',
    },
  },
  'select-field': {
    filled: {
      name: 'location',
      label: 'Locatie',
      value: 'b',
      options: [
        { value: 'a', text: 'Industrieweg 4, Woerden' },
        { value: 'b', text: 'Stationsweg 1, Woerden' },
      ],
    },
    error: { name: 'location', label: 'Locatie', error: 'Kies een locatie', options: [] },
  },
  'skip-link': { default: {} },
  'status-tag': { open: { tone: 'open', text: 'Open' }, neutral: { text: 'Concept' } },
  'summary-list': {
    rows: {
      rows: [
        { key: 'Naam', value: 'Groenonderhoud', href: '/x#veld-title' },
        { key: 'Omschrijving', value: '' },
      ],
    },
  },
  'text-field': {
    empty: { name: 'email', label: 'E-mailadres', type: 'email', autocomplete: 'username' },
    filled: { name: 'title', label: 'Naam', value: 'Groen & zo <b>', hint: 'Kort en duidelijk' },
    error: {
      name: 'hoursMin',
      label: 'Van',
      value: 'tien',
      short: true,
      inputmode: 'numeric',
      error: 'Vul een heel getal in',
      hint: 'Uren per week',
    },
    optional: { name: 'note', label: 'Toelichting', optional: true },
  },
  'textarea-field': {
    filled: { name: 'description', label: 'Wat doet de medewerker?', value: 'Snoeien\nMaaien' },
    error: { name: 'description', label: 'Omschrijving', error: 'Te lang' },
  },
};

describe('web partials', () => {
  it('has a snapshot case for every partial', () => {
    const files = readdirSync(path.join(webViewsDir(), 'partials'))
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(Object.keys(CASES).sort()).toEqual(files);
  });

  for (const [partial, states] of Object.entries(CASES))
    for (const [state, data] of Object.entries(states))
      it(`${partial} (${state})`, () => {
        const html = renderer.renderPartial(partial, data);
        // Never inline script or style (the CSP forbids them).
        expect(html).not.toMatch(/<script|style="|\son[a-z]+=/i);
        expect(html).toMatchSnapshot();
      });

  it('escapes values', () => {
    const html = renderer.renderPartial('text-field', { name: 'x', label: '<i>', value: '"><b>' });
    expect(html).not.toContain('<i>');
    expect(html).toContain('&quot;&gt;&lt;b&gt;');
  });
});
