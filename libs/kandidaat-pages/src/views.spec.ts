import type { PlacementView } from '@werkbrug/placements';
import {
  type CandidatePlacementInput,
  candidatePlacementWords,
  consentRequestPageView,
  consentsPageView,
  sharedWords,
  type ConsentInput,
} from './consent.view';
import { messagesInput } from './messages.form';
import { messagesNotice, messagesPageView, unsubscribePageView } from './messages.view';
import { myDataPageView } from './my-data.view';
import {
  interestListPageView,
  suggestionsPageView,
  workplacePageView,
  type WorkplaceInput,
} from './suggestions.view';
import { wishesPageView } from './wishes.view';

const summary = {
  id: 'v1',
  title: 'Hovenier',
  employerName: 'Groen BV',
  place: 'Utrecht',
  hoursMin: 12,
  hoursMax: 24,
};
const found = {
  items: [{ vacancy: summary, distanceKm: 3.25, reasons: [{ text: 'Past bij je uren' }] }],
  nearMisses: [
    {
      vacancy: { ...summary, id: 'v2', hoursMin: 16, hoursMax: 16 },
      distanceKm: 12,
      blockers: [{ code: 'CERTIFICATE_MISSING' as const, text: 'Je mist een certificaat' }],
    },
  ],
};
const vacancy: WorkplaceInput = {
  id: 'v2',
  title: 'Hovenier',
  description: 'Snoeien',
  employerName: 'Groen BV',
  place: 'Utrecht',
  hoursMin: 16,
  hoursMax: 16,
  workingDays: ['ma', 'wo', 'vr'],
  arrangements: ['stage', 'onbekend'],
  jobcoachWelcome: true,
  hoursAdjustable: false,
};
const proposal = (status: string, consent: ConsentInput['consent']): ConsentInput => ({
  id: `p-${status}`,
  status,
  vacancy: { id: 'v1', title: 'Hovenier', employerName: 'Groen BV', place: 'Utrecht' },
  motivation: 'Past goed',
  werkmakelaar: { name: 'Wim' },
  consent,
  sharePreview: {
    firstName: 'Sanne',
    werkmakelaarContact: { name: 'Wim' },
    anonymousProfile: {
      pseudonym: 'Kandidaat K-1',
      place: 'Utrecht',
      hoursMin: 12,
      hoursMax: 24,
      certificates: [],
      workConditions: ['Licht tillen', ''],
    },
    motivation: 'Past goed',
  },
});
const active = { sharedFields: ['firstName'], expiresAt: '2026-12-01T00:00:00.000Z', active: true };

describe('candidate page views', () => {
  it.each<[string, unknown, unknown]>([
    [
      'werkplekken: cards with km, hours, reasons and help',
      suggestionsPageView({
        kinds: [{ code: 'groen', name: 'Groen' }],
        werksoort: 'groen',
        found,
        waitingCount: 1,
      }),
      {
        title: 'Mijn werkplekken',
        waitingCount: 1,
        werksoortOptions: [
          { value: '', text: 'Alle soorten werk' },
          { value: 'groen', text: 'Groen' },
        ],
        werksoort: 'groen',
        searchDown: false,
        items: [
          {
            id: 'v1',
            title: 'Hovenier',
            employerName: 'Groen BV',
            place: 'Utrecht',
            distance: '3,3 km',
            hours: '12 tot 24 uur per week',
            reasons: ['Past bij je uren'],
          },
        ],
        total: 1,
        range: null,
        pager: {
          label: 'Meer werkplekken',
          firstHref: null,
          prevHref: null,
          prevText: 'Vorige werkplekken',
          nextHref: null,
          nextText: 'Toon meer werkplekken',
        },
        nearMissCount: 1,
        moreNearMisses: [],
        nearMisses: [
          {
            id: 'v2',
            title: 'Hovenier',
            employerName: 'Groen BV',
            place: 'Utrecht',
            distance: '12 km',
            hours: '16 uur per week',
            blockers: [
              { text: 'Je mist een certificaat', help: 'Vraag je werkmakelaar naar een cursus.' },
            ],
          },
        ],
      },
    ],
    [
      'werkplekken: search down',
      suggestionsPageView({ kinds: [], werksoort: undefined, found: null, waitingCount: 0 }),
      {
        title: 'Mijn werkplekken',
        waitingCount: 0,
        werksoortOptions: [{ value: '', text: 'Alle soorten werk' }],
        werksoort: '',
        searchDown: true,
        total: 0,
        range: null,
        items: [],
        pager: {
          label: 'Meer werkplekken',
          firstHref: null,
          prevHref: null,
          prevText: 'Vorige werkplekken',
          nextHref: null,
          nextText: 'Toon meer werkplekken',
        },
        nearMissCount: 0,
        nearMisses: [],
        moreNearMisses: [],
      },
    ],
    [
      'werkplek: a near miss with an open signal',
      workplacePageView(
        vacancy,
        { kind: 'nearMiss', distanceKm: 12, nearMiss: found.nearMisses[0] },
        [
          {
            vacancy: { id: 'v2', title: '', employerName: '', place: '', status: 'open' },
            status: 'verstuurd',
          },
        ],
      ),
      {
        title: 'Hovenier',
        vacancy: {
          id: 'v2',
          title: 'Hovenier',
          description: 'Snoeien',
          employerName: 'Groen BV',
          place: 'Utrecht',
          hours: '16 uur per week',
          days: 'maandag, woensdag en vrijdag',
          arrangements: [
            { name: 'Stage', explain: 'Je leert het werk op de werkplek.' },
            { name: 'onbekend', explain: '' },
          ],
          jobcoachWelcome: true,
          hoursAdjustable: false,
        },
        distance: '12 km',
        reasons: [],
        blockers: [
          { text: 'Je mist een certificaat', help: 'Vraag je werkmakelaar naar een cursus.' },
        ],
        signal: { status: 'Verstuurd. Je werkmakelaar heeft het nog niet gezien.' },
      },
    ],
    [
      'interesse: a withdrawn signal is not open',
      interestListPageView([
        {
          id: 's1',
          vacancy: { id: 'v1', title: 'T', employerName: 'E', place: 'P', status: 'open' },
          status: 'ingetrokken',
          createdAt: '2026-01-01',
        },
      ]),
      {
        title: 'Mijn interesse',
        signals: [
          {
            id: 's1',
            vacancy: { id: 'v1', title: 'T', employerName: 'E', place: 'P' },
            status: 'Je hebt dit teruggetrokken.',
            open: false,
            createdAt: '2026-01-01',
          },
        ],
      },
    ],
    [
      'toestemming: waiting, sharing and done',
      consentsPageView([
        proposal('wacht_op_kandidaat', null),
        proposal('wacht_op_werkgever', active),
        proposal('afgewezen', null),
      ]).done.map((r) => [r.id, r.status]),
      [['p-afgewezen', 'Het gaat niet door']],
    ],
    [
      'shared words: profile always, first name when chosen',
      sharedWords(proposal('wacht_op_werkgever', active), ['firstName']),
      [
        'Je profiel zonder naam: Kandidaat K-1, woonplaats Utrecht, 12 tot 24 uur per week',
        'Wat je kunt: Licht tillen',
        'Wat je werkmakelaar over je schrijft: „Past goed”',
        'Je voornaam: Sanne',
      ],
    ],
    [
      'berichten: options and what the template reads',
      messagesPageView(
        { hasEmail: false, lastSentAt: null },
        { active: 'nee', frequency: 'wekelijks' },
      ).view,
      { hasEmail: false, lastSentAt: null },
    ],
    [
      'berichten: ja/nee to a boolean, anything else refused',
      [
        messagesInput({ active: 'ja', frequency: 'x' }).active,
        messagesInput({ active: 'nee', frequency: '' }).active,
        messagesInput({ active: '', frequency: '' }).active,
      ],
      [true, false, ''],
    ],
    [
      'berichten-stoppen: an invalid link',
      unsubscribePageView('t', 'invalid'),
      { title: 'Deze link werkt niet', token: 't', invalid: true },
    ],
    [
      'gegevens: who and what in words',
      myDataPageView({
        items: [
          {
            at: '2026-01-01',
            action: 'candidate.read',
            actorRole: 'werkmakelaar',
            organisation: 'Ferm Werk',
            purpose: null,
          },
          { at: '2026-01-02', action: 'x.y', actorRole: 'robot', organisation: null, purpose: 'p' },
        ],
        nextCursor: null,
      }),
      {
        title: 'Mijn gegevens',
        entries: [
          {
            at: '2026-01-01',
            who: 'Een werkmakelaar van Ferm Werk',
            what: 'heeft je dossier gelezen',
            purpose: null,
          },
          { at: '2026-01-02', who: 'Iemand', what: 'heeft je gegevens gebruikt', purpose: 'p' },
        ],
        next: null,
      },
    ],
    [
      'wensen: day words from the catalogue',
      wishesPageView({
        kinds: [],
        version: 3,
        values: {
          werksoortWishes: [],
          interests: '',
          hoursMin: '',
          hoursMax: '',
          days: [],
          dayparts: [],
          travelMode: '',
          maxTravelKm: '',
        },
      }).dayOptions[0],
      { value: 'ma', text: 'maandag' },
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  describe('werkplekken: ten at a time, near misses folded after three', () => {
    const many = {
      items: Array.from({ length: 25 }, (_, i) => ({
        vacancy: { ...summary, id: `m${i + 1}` },
        distanceKm: i,
        reasons: [],
      })),
      nearMisses: Array.from({ length: 5 }, (_, i) => ({
        ...found.nearMisses[0],
        vacancy: { ...summary, id: `n${i + 1}` },
      })),
    };
    const view = (page: number | undefined) =>
      suggestionsPageView({
        kinds: [{ code: 'groen', name: 'Groen' }],
        werksoort: 'groen',
        found: many,
        waitingCount: 0,
        page,
      });
    it.each<[number | undefined, string[], string | null, string | null, string | null]>([
      [
        undefined,
        ['m1', 'm10'],
        'Werkplek 1 tot en met 10 van 25.',
        null,
        '/kandidaat?werksoort=groen&pagina=2#passend',
      ],
      [
        2,
        ['m11', 'm20'],
        'Werkplek 11 tot en met 20 van 25.',
        '/kandidaat?werksoort=groen#passend',
        '/kandidaat?werksoort=groen&pagina=3#passend',
      ],
      [
        3,
        ['m21', 'm25'],
        'Werkplek 21 tot en met 25 van 25.',
        '/kandidaat?werksoort=groen&pagina=2#passend',
        null,
      ],
      // Past the last page: the last page.
      [
        9,
        ['m21', 'm25'],
        'Werkplek 21 tot en met 25 van 25.',
        '/kandidaat?werksoort=groen&pagina=2#passend',
        null,
      ],
    ])('page %j', (page, [first, last], range, prevHref, nextHref) => {
      const v = view(page);
      expect({
        first: v.items[0]?.id,
        last: v.items[v.items.length - 1]?.id,
        total: v.total,
        range: v.range,
        prevHref: v.pager.prevHref,
        nextHref: v.pager.nextHref,
      }).toEqual({ first, last, total: 25, range, prevHref, nextHref });
    });
    it('shows three near misses and folds the other two', () => {
      const v = view(1);
      expect([v.nearMissCount, v.nearMisses.length, v.moreNearMisses.map((n) => n.id)]).toEqual([
        5,
        3,
        ['n4', 'n5'],
      ]);
    });
  });

  it('toestemming-vraag: consent holds 90 days from now; the options say what is shared', () => {
    const view = consentRequestPageView(
      proposal('wacht_op_kandidaat', null),
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(view).toMatchObject({
      title: 'Mag je werkmakelaar je voorstellen bij Groen BV?',
      status: 'Wacht op jouw antwoord',
      canAnswer: true,
      canStop: false,
      expiresAt: null,
      until: '2026-04-01T00:00:00.000Z',
      shareOptions: [
        { value: 'firstName', text: 'Mijn voornaam (Sanne)' },
        { value: 'werkmakelaarContact', text: 'Naam en e-mail van mijn werkmakelaar (Wim)' },
      ],
    });
  });
});

describe('the banner after saving the messages', () => {
  it.each([
    [
      { active: false, frequency: 'dagelijks' },
      'Opgeslagen. Je krijgt geen e-mail meer over nieuwe werkplekken.',
    ],
    [{ active: true, frequency: 'dagelijks' }, 'Opgeslagen. Je krijgt elke dag een e-mail'],
    [
      { active: true, frequency: 'wekelijks' },
      'Opgeslagen. Je krijgt één keer per week een e-mail',
    ],
  ] as const)('%j', (choice, text) => {
    expect(messagesNotice(choice)).toContain(text);
  });
});

describe('the candidate sees the placement that followed', () => {
  const base = {
    startDate: '2026-12-15',
    plannedEndDate: '2027-02-15',
    hoursPerWeek: 16,
    arrangement: 'proefplaatsing',
    status: 'lopend' as const,
  };
  it.each([
    ['te_bevestigen', 'lopend', 'Lunchroom De Kaasmarkt moet de plaatsing nog bevestigen.'],
    ['bevestigd', 'lopend', 'Lunchroom De Kaasmarkt heeft de plaatsing bevestigd.'],
    ['bevestigd', 'beeindigd', 'Deze plaatsing is afgelopen.'],
  ] as const)('confirmation %s, status %s', (confirmation, status, last) => {
    const words = candidatePlacementWords(
      {
        ...base,
        status,
        confirmation: { status: confirmation } as PlacementView['confirmation'],
      },
      'Lunchroom De Kaasmarkt',
      '2026-12-20',
    );
    expect(words.lines[0]).toBe(
      'Je werkt 16 uur per week bij Lunchroom De Kaasmarkt, vanaf 15 december 2026 tot 15 februari 2027.',
    );
    expect(words.lines[1]).not.toMatch(/proefplaatsing$|_/);
    expect(words.lines.at(-1)).toContain(last);
  });
});

describe('the proposal page says where it stands, the placement by its start date', () => {
  const placed = (over: Partial<CandidatePlacementInput> = {}): CandidatePlacementInput => ({
    startDate: '2026-12-15',
    plannedEndDate: null,
    hoursPerWeek: 16,
    arrangement: 'proefplaatsing',
    status: 'lopend',
    confirmation: { status: 'bevestigd' } as PlacementView['confirmation'],
    outcome: null,
    ...over,
  });
  // 12:00 in Amsterdam on the day given.
  const at = (day: string) => new Date(`${day}T11:00:00Z`);
  it.each([
    [
      'wacht_op_kandidaat',
      null,
      '2026-12-01',
      'Mag je werkmakelaar je voorstellen bij Groen BV?',
      'Wacht op jouw antwoord',
    ],
    [
      'wacht_op_werkgever',
      null,
      '2026-12-01',
      'Je voorstel bij Groen BV',
      'De werkgever kijkt naar je profiel',
    ],
    ['kennismaking', null, '2026-12-01', 'Je voorstel bij Groen BV', 'Je gaat kennismaken'],
    ['afgewezen', null, '2026-12-01', 'Je voorstel bij Groen BV', 'Het gaat niet door'],
    [
      'geplaatst',
      placed(),
      '2026-12-01',
      'Je plaatsing bij Groen BV',
      'Je begint op 15 december 2026',
    ],
    [
      'geplaatst',
      placed(),
      '2026-12-14',
      'Je plaatsing bij Groen BV',
      'Je begint op 15 december 2026',
    ],
    [
      'geplaatst',
      placed(),
      '2026-12-15',
      'Je plaatsing bij Groen BV',
      'Je werkt hier sinds 15 december 2026',
    ],
    [
      'geplaatst',
      placed(),
      '2027-03-01',
      'Je plaatsing bij Groen BV',
      'Je werkt hier sinds 15 december 2026',
    ],
    [
      'geplaatst',
      placed({ status: 'beeindigd', outcome: { endedOn: '2027-02-01' } }),
      '2027-03-01',
      'Je plaatsing bij Groen BV',
      'Je werkte hier van 15 december 2026 tot 1 februari 2027',
    ],
    // The placement out of sight: still no question, and nothing untrue.
    ['geplaatst', null, '2026-12-01', 'Je plaatsing bij Groen BV', 'Je bent geplaatst'],
  ] as const)('%s (placement %j) on %s: %s, %s', (status, placement, day, title, statusText) => {
    const view = consentRequestPageView(proposal(status, null), at(day), placement);
    expect([view.title, view.status]).toEqual([title, statusText]);
    expect(view.placement?.status ?? null).toBe(placement ? statusText : null);
  });

  it.each([
    ['2026-12-14', 'Je gaat 16 uur per week werken bij Groen BV, vanaf 15 december 2026.'],
    ['2026-12-15', 'Je werkt 16 uur per week bij Groen BV, vanaf 15 december 2026.'],
  ])('on %s the placement section says: %s', (on, first) => {
    expect(candidatePlacementWords(placed(), 'Groen BV', on).lines[0]).toBe(first);
  });
});
