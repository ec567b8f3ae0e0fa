import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  MAIL_FIELDS,
  MAIL_TEMPLATES,
  MailDataError,
  MailRenderer,
  MailTemplate,
  mailTemplatesDir,
} from '@werkbrug/mail';
import { type AddressForm, addressFormOf, addressWords, mailWords } from './support/address-form';

const LINK = 'https://werkbrug.example/voorstellen/5f0c7a52-8d7e-4a0b-9a51-3c1f0e1d2b44';
const PLACEMENT_LINK = 'https://werkbrug.example/plaatsingen/5f0c7a52-8d7e-4a0b-9a51-3c1f0e1d2b44';

/** Every field of every template, filled. */
const SAMPLES: Record<MailTemplate, Record<string, unknown>> = {
  consent_request: {
    candidateFirstName: 'Sanne',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    place: 'Amersfoort',
    werkmakelaarName: 'Wim Makelaar',
    link: LINK,
  },
  proposal_received: {
    employerName: 'Groen en Zo',
    vacancyTitle: 'Medewerker groenonderhoud',
    pseudonym: 'Kandidaat K-4821',
    sharedFirstName: 'Sanne',
    werkmakelaarName: 'Wim Makelaar',
    werkmakelaarEmail: 'wim@werkbedrijf.example',
    link: LINK,
  },
  employer_answered: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    answerLabel: 'Nu niet',
    reasonLabel: 'Geen begeleiding beschikbaar',
    note: 'Na de zomer hebben we weer ruimte.\nBel gerust.',
    link: LINK,
  },
  meeting_planned: {
    recipientName: 'Sanne',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    meetingLabel: 'Meeloopdag',
    dates: ['maandag 2 maart 2026 om 09:00', 'dinsdag 3 maart 2026 om 13:30'],
    link: LINK,
  },
  placement_ending: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    arrangementLabel: 'proefplaatsing',
    plannedEnd: '31 maart 2026',
    link: LINK,
  },
  no_contact: {
    werkmakelaarName: 'Wim Makelaar',
    items: [
      { name: 'Sanne de Vries', pseudonym: 'Kandidaat K-4821', lastContact: '12 januari 2026' },
      { name: 'Ahmed Bakker', pseudonym: 'Kandidaat K-1177', lastContact: 'nog nooit' },
    ],
    link: 'https://werkbrug.example/kandidaten',
  },
  evaluation_due: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    evaluationDate: '15 januari 2027',
    goalCount: '2 leerdoelen',
    link: 'https://werkbrug.example/werkmakelaar/trajecten/1',
  },
  password_reset: {
    audience: 'u',
    recipientName: 'Gert Groen',
    link: 'https://werkbrug.example/wachtwoord-instellen/abc',
    validMinutes: '60',
  },
  colleague_invite: {
    inviterName: 'Gert Groen',
    employerName: 'Groen en Zo',
    link: 'https://werkbrug.example/wachtwoord-instellen/abc',
    validDays: '7',
  },
  user_invite: {
    recipientName: 'Wim Makelaar',
    inviterName: 'Bea Beheer',
    organisationName: 'Ferm Werk',
    roleText: 'werkmakelaar',
    link: 'https://werkbrug.example/wachtwoord-instellen/abc',
    validDays: '7',
  },
  instrument_deadline: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    instrumentName: 'Loonkostensubsidie',
    task: 'Loonkostensubsidie aanvragen bij de gemeente',
    dueOn: '1 september 2026',
    link: LINK,
  },
  interest_signal: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    place: 'Amersfoort',
    link: LINK,
  },
  match_digest: {
    periodLabel: 'deze week',
    items: [
      {
        title: 'Medewerker groenonderhoud',
        employerName: 'Groen en Zo',
        place: 'Amersfoort',
        distance: '3,2 km',
        reason: 'Past bij je eerste wens: Groen',
        link: 'https://werkbrug.example/kandidaat/werkplekken/1',
      },
    ],
    moreCount: 'zeventien',
    link: LINK,
    unsubscribeLink: 'https://werkbrug.example/kandidaat/berichten/stoppen/abc.def',
  },
  sign_in_link: {
    audience: 'u',
    recipientName: 'Wim Makelaar',
    minutes: '15',
    link: 'https://werkbrug.example/inloggen/al_abc',
  },
  sign_in_new_browser: {
    audience: 'u',
    recipientName: 'Wim Makelaar',
    browser: 'Firefox op Windows',
    moment: '12 maart 2026 om 14:05',
    link: 'https://werkbrug.example/account/sessies',
  },
  email_change: {
    audience: 'u',
    recipientName: 'Wim Makelaar',
    minutes: '60',
    link: 'https://werkbrug.example/e-mail-bevestigen/al_abc',
  },
  placement_to_confirm: {
    employerName: 'Groen en Zo',
    vacancyTitle: 'Medewerker groenonderhoud',
    pseudonym: 'Kandidaat K-4821',
    arrangementLabel: 'proefplaatsing',
    startDate: '4 januari 2027',
    plannedEnd: '4 maart 2027',
    hoursPerWeek: '16',
    previousRequest: 'Liever op maandag beginnen.\nEn 20 uur graag.',
    link: PLACEMENT_LINK,
  },
  placement_confirmed: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    arrangementLabel: 'proefplaatsing',
    startDate: '4 januari 2027',
    link: PLACEMENT_LINK,
  },
  placement_change_requested: {
    werkmakelaarName: 'Wim Makelaar',
    pseudonym: 'Kandidaat K-4821',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    note: 'Liever op maandag beginnen.\nEn 20 uur graag.',
    link: PLACEMENT_LINK,
  },
  meeting_offered: {
    audience: 'je',
    recipientName: 'Sanne',
    meetingLabel: 'kennismakingsgesprek',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    offeredBy: 'Groen en Zo',
    moments: [
      'dinsdag 15 december 2026, 10:00–11:00, Groen en Zo, Dorpsstraat 1, met Anja',
      'woensdag 16 december 2026, 14:00–15:00, Groen en Zo, Dorpsstraat 1, met Anja',
    ],
    whatToDo: 'Kies in Werkbrug het moment dat jou het best past.',
    link: LINK,
  },
  meeting_agreed: {
    audience: 'u',
    recipientName: 'Groen en Zo',
    meetingLabel: 'kennismakingsgesprek',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    moment: 'dinsdag 15 december 2026, 10:00–11:00',
    place: 'Groen en Zo, Dorpsstraat 1',
    withWhom: 'Anja',
    candidate: 'Kandidaat K-4821',
    link: LINK,
  },
  meeting_moved: {
    audience: 'u',
    recipientName: 'Wim Makelaar',
    meetingLabel: 'meeloopdag',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    movedBy: 'De kandidaat',
    oldMoment: 'dinsdag 15 december 2026, 09:00–13:00',
    reason: 'Ik heb dan een afspraak bij de tandarts.',
    moments: ['donderdag 17 december 2026, 09:00–13:00, Groen en Zo, Dorpsstraat 1, met Anja'],
    whatToDo: 'De kandidaat kiest een nieuw moment.',
    link: LINK,
  },
  meeting_cancelled: {
    audience: 'je',
    recipientName: 'Sanne',
    meetingLabel: 'kennismakingsgesprek',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    cancelledBy: 'Groen en Zo',
    moment: 'dinsdag 15 december 2026, 10:00–11:00',
    reason: 'De plek is al vervuld.',
    whatToDo: 'Je hoeft niet te komen.',
    link: LINK,
  },
  meeting_reminder: {
    audience: 'je',
    recipientName: 'Sanne',
    meetingLabel: 'kennismakingsgesprek',
    vacancyTitle: 'Medewerker groenonderhoud',
    employerName: 'Groen en Zo',
    moment: 'dinsdag 15 december 2026, 10:00–11:00',
    place: 'Groen en Zo, Dorpsstraat 1',
    withWhom: 'Anja',
    candidate: 'Kandidaat K-4821',
    link: LINK,
  },
  rule_horizon: {
    adminName: 'Bea Beheer',
    rules: [
      'Wettelijk minimumloon: bekend tot en met 31 december 2026',
      'Proefplaatsing: bekend tot en met 31 december 2026',
    ],
    link: LINK,
  },
};

/**
 * How each template addresses its reader: the audience's form when it goes to one audience, 'each'
 * when every recipient gets it in the form of its role (the `audience` field), 'none' for the old
 * meeting_planned (neutral: messages queued before carry no audience).
 */
const FORM: Record<MailTemplate, AddressForm | 'each' | 'none'> = {
  consent_request: 'je',
  proposal_received: 'u',
  employer_answered: 'u',
  meeting_planned: 'none',
  placement_ending: 'u',
  no_contact: 'u',
  interest_signal: 'u',
  match_digest: 'je',
  evaluation_due: 'u',
  password_reset: 'each',
  colleague_invite: 'u',
  user_invite: 'u',
  instrument_deadline: 'u',
  sign_in_link: 'each',
  email_change: 'each',
  sign_in_new_browser: 'each',
  placement_to_confirm: 'u',
  placement_confirmed: 'u',
  placement_change_requested: 'u',
  meeting_offered: 'each',
  meeting_agreed: 'each',
  meeting_moved: 'each',
  meeting_cancelled: 'each',
  meeting_reminder: 'each',
  rule_horizon: 'u',
};

/** A template's sample in one form: the sender's own words (whatToDo) in that form too. */
const sampleIn = (template: MailTemplate, form: AddressForm): Record<string, unknown> => {
  const sample = SAMPLES[template];
  if (FORM[template] !== 'each') return sample;
  return {
    ...sample,
    audience: form,
    ...('whatToDo' in sample
      ? { whatToDo: form === 'u' ? 'U hoeft niets te doen.' : 'Je hoeft niets te doen.' }
      : {}),
  };
};

/** Each form a template is sent in, with the sample for it. */
type Copy = [MailTemplate, AddressForm | 'none', Record<string, unknown>];
const COPIES: Copy[] = MAIL_TEMPLATES.flatMap((template): Copy[] => {
  const form = FORM[template];
  if (form !== 'each') return [[template, form, SAMPLES[template]]];
  return (['u', 'je'] as const).map((f): Copy => [template, f, sampleIn(template, f)]);
});

const OPTIONAL: Partial<Record<MailTemplate, string[]>> = {
  proposal_received: ['sharedFirstName', 'werkmakelaarName', 'werkmakelaarEmail'],
  employer_answered: ['reasonLabel', 'note'],
  match_digest: ['moreCount'],
  placement_to_confirm: ['plannedEnd', 'previousRequest'],
  meeting_agreed: ['candidate'],
  meeting_moved: ['oldMoment', 'reason'],
  meeting_cancelled: ['moment', 'reason'],
  meeting_reminder: ['candidate'],
};

const without = (data: Record<string, unknown>, ...names: string[]) =>
  Object.fromEntries(Object.entries(data).filter(([k]) => !names.includes(k)));

describe('mail templates', () => {
  const renderer = new MailRenderer();

  it.each(MAIL_TEMPLATES)('%s renders subject, HTML and text with the link', (template) => {
    const data = SAMPLES[template];
    const mail = renderer.render(template, data);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toMatch(/^<!doctype html>\s*<html lang="nl">/);
    expect(mail.html).toContain(`href="${data.link}"`);
    expect(mail.html).toContain(`<title>${mail.subject}</title>`);
    expect(mail.text).toContain(String(data.link));
    expect(mail.text).not.toMatch(/<[a-z]/i);
    // Every message tells the reader what to do next, and that replies do not arrive.
    expect(mail.text).toMatch(/Wat moet (u|je) doen\?|Wat is de volgende stap\?/);
    expect(mail.text).toContain('Een antwoord op deze e-mail komt niet aan.');
    expect(mail.html).toContain('Een antwoord op deze e-mail komt niet aan.');
  });

  it.each(COPIES)(
    '%s speaks to its reader in the form "%s", never mixing "u" and "je"',
    (template, form, data) => {
      const mail = renderer.render(template, data);
      const words = mailWords(mail);
      expect({ template, form: addressFormOf(words), words: addressWords(words) }).toMatchObject({
        template,
        form,
      });
      const heading = form === 'none' ? 'Wat is de volgende stap?' : `Wat moet ${form} doen?`;
      expect(mail.text).toContain(heading);
      expect(mail.html).toContain(heading);
    },
  );

  it('refuses a message to several audiences without its form of address', () => {
    for (const template of MAIL_TEMPLATES.filter((name) => FORM[name] === 'each')) {
      expect(() => renderer.render(template, without(SAMPLES[template], 'audience'))).toThrow(
        /audience must be one of u, je/,
      );
      expect(() => renderer.render(template, { ...SAMPLES[template], audience: 'jij' })).toThrow(
        MailDataError,
      );
    }
    // Templates for one audience have no such field: their words are fixed.
    for (const template of MAIL_TEMPLATES.filter((name) => FORM[name] !== 'each'))
      expect(MAIL_FIELDS[template]).not.toHaveProperty('audience');
  });

  it('puts every value in the message', () => {
    for (const template of MAIL_TEMPLATES) {
      const mail = renderer.render(template, SAMPLES[template]);
      const values = Object.entries(SAMPLES[template])
        .filter(([name]) => name !== 'audience')
        .map(([, v]) => v)
        .flatMap((v) =>
          Array.isArray(v)
            ? v.flatMap((x) => (typeof x === 'string' ? [x] : Object.values(x)))
            : [v],
        );
      for (const value of values) {
        const firstLine = String(value).split('\n')[0];
        expect({ template, part: 'text', has: mail.text.includes(firstLine) }).toEqual({
          template,
          part: 'text',
          has: true,
        });
        expect({ template, part: 'html', has: mail.html.includes(firstLine) }).toEqual({
          template,
          part: 'html',
          has: true,
        });
      }
    }
  });

  it('throws on a missing required variable, naming it', () => {
    for (const template of MAIL_TEMPLATES) {
      const optional = OPTIONAL[template] ?? [];
      for (const field of Object.keys(MAIL_FIELDS[template]).filter((f) => !optional.includes(f))) {
        expect(() => renderer.render(template, without(SAMPLES[template], field))).toThrow(
          new RegExp(`${field} must be`),
        );
      }
    }
    expect(() => renderer.render('consent_request', {})).toThrow(MailDataError);
  });

  it('renders without the optional fields ({{#if}} under strict mode)', () => {
    for (const [template, optional] of Object.entries(OPTIONAL) as [MailTemplate, string[]][]) {
      const mail = renderer.render(template, without(SAMPLES[template], ...optional));
      expect(mail.text).toContain(String(SAMPLES[template].link));
      for (const field of optional) {
        const value = String(SAMPLES[template][field]).split('\n')[0];
        expect(mail.text).not.toContain(value);
        expect(mail.html).not.toContain(value);
      }
    }
    // Only the werkmakelaar's address, no name: still a way to ask questions.
    const onlyEmail = renderer.render('proposal_received', {
      ...without(SAMPLES.proposal_received, 'werkmakelaarName', 'sharedFirstName'),
    });
    expect(onlyEmail.html).toContain('href="mailto:wim@werkbedrijf.example"');
    expect(onlyEmail.text).toContain('Mail dan naar wim@werkbedrijf.example.');
  });

  it('says when a meeting has no date yet, and lists each date otherwise', () => {
    const planned = renderer.render('meeting_planned', SAMPLES.meeting_planned);
    expect(planned.text).toContain('- maandag 2 maart 2026 om 09:00\n- dinsdag 3 maart 2026');
    expect(planned.html).toContain('<li>dinsdag 3 maart 2026 om 13:30</li>');
    const open = renderer.render('meeting_planned', { ...SAMPLES.meeting_planned, dates: [] });
    expect(open.text).toContain('De datum volgt nog.');
  });

  it('says when a move has no new moments yet, and lists them otherwise', () => {
    const moved = renderer.render('meeting_moved', SAMPLES.meeting_moved);
    expect(moved.text).toContain('Nieuwe momenten:\n- donderdag 17 december 2026');
    expect(moved.text).toContain(
      'Het moment dinsdag 15 december 2026, 09:00–13:00 gaat niet door.',
    );
    const open = renderer.render('meeting_moved', { ...SAMPLES.meeting_moved, moments: [] });
    expect(open.text).toContain('Er zijn nog geen nieuwe momenten.');
    expect(open.html).toContain('Er zijn nog geen nieuwe momenten.');
    expect(open.text).not.toContain('Nieuwe momenten:');
  });

  it('refuses unknown fields, so no protected candidate data can reach an employer', () => {
    expect(Object.keys(MAIL_FIELDS.proposal_received).sort()).toEqual(
      [
        'employerName',
        'link',
        'pseudonym',
        'sharedFirstName',
        'vacancyTitle',
        'werkmakelaarEmail',
        'werkmakelaarName',
      ].sort(),
    );
    for (const leak of ['candidateLastName', 'email', 'phone', 'benefit', 'notes']) {
      expect(() =>
        renderer.render('proposal_received', { ...SAMPLES.proposal_received, [leak]: 'x' }),
      ).toThrow(`${leak} is not a field of this message`);
    }
    // Prototype names are not fields either.
    expect(() =>
      renderer.render('proposal_received', { ...SAMPLES.proposal_received, constructor: 'x' }),
    ).toThrow(/constructor is not a field/);
  });

  it('refuses malformed values: relative links, non-strings, bad rows', () => {
    const bad: [MailTemplate, Record<string, unknown>, RegExp][] = [
      ['consent_request', { link: '/voorstellen/1' }, /link must be an absolute http\(s\) URL/],
      ['consent_request', { link: 'javascript:alert(1)' }, /link must be/],
      ['consent_request', { place: 12 }, /place must be a non-empty string/],
      ['consent_request', { place: '   ' }, /place must be a non-empty string/],
      ['proposal_received', { werkmakelaarEmail: 'nope' }, /werkmakelaarEmail must be/],
      ['meeting_planned', { dates: 'morgen' }, /dates must be a list of strings/],
      ['no_contact', { items: [] }, /items must be a non-empty list/],
      ['no_contact', { items: [{ name: 'A', pseudonym: 'K' }] }, /items must be/],
      [
        'no_contact',
        { items: [{ name: 'A', pseudonym: 'K', lastContact: 'x', bsn: '1' }] },
        /items must be/,
      ],
    ];
    for (const [template, change, error] of bad) {
      expect(() => renderer.render(template, { ...SAMPLES[template], ...change })).toThrow(error);
    }
  });

  it('escapes values in HTML, and leaves plain text plain', () => {
    const mail = renderer.render('employer_answered', {
      ...SAMPLES.employer_answered,
      employerName: '<script>alert(1)</script> & Co',
      note: '<img src=x onerror=alert(1)>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('<script>alert(1)</script> & Co');
    expect(mail.subject).toBe(
      '<script>alert(1)</script> & Co heeft gereageerd op Kandidaat K-4821',
    );
    // A link with a query string stays a working link (attribute-escaped, not mangled).
    const query = renderer.render('consent_request', {
      ...SAMPLES.consent_request,
      link: 'https://werkbrug.example/toestemming?id=1&keuze=ja',
    });
    expect(query.html).toContain(
      'href="https://werkbrug.example/toestemming?id&#x3D;1&amp;keuze&#x3D;ja"',
    );
    expect(query.text).toContain('https://werkbrug.example/toestemming?id=1&keuze=ja');
  });

  it('keeps a subject on one line', () => {
    const mail = renderer.render('proposal_received', {
      ...SAMPLES.proposal_received,
      vacancyTitle: 'Groen\r\nBcc: iedereen@example.nl',
    });
    expect(mail.subject).toBe('Nieuwe kandidaat voor Groen Bcc: iedereen@example.nl');
  });

  describe('handlebars strict mode', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'wb-mail-templates-'));
      cpSync(mailTemplatesDir(), dir, { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const edit = (file: string, change: (source: string) => string) => {
      const target = path.join(dir, file);
      writeFileSync(target, change(readFileSync(target, 'utf8')));
    };

    it('throws when a template uses a variable the data does not have', () => {
      edit('consent_request/html.hbs', (s) => `${s}<p>{{candidateLastName}}</p>`);
      edit('placement_ending/text.hbs', (s) => `${s}{{arrangement.rules}}`);
      edit('no_contact/html.hbs', (s) => s.replace('{{lastContact}}', '{{lastContactAt}}'));
      const strict = new MailRenderer(dir);
      expect(() => strict.render('consent_request', SAMPLES.consent_request)).toThrow(
        /"candidateLastName" not defined/,
      );
      expect(() => strict.render('placement_ending', SAMPLES.placement_ending)).toThrow(
        /"rules" not defined/,
      );
      // Inside {{#each}} too.
      expect(() => strict.render('no_contact', SAMPLES.no_contact)).toThrow(
        /"lastContactAt" not defined/,
      );
    });

    it('stops at start-up on a missing template or a syntax error', () => {
      edit('meeting_planned/subject.hbs', (s) => `${s}{{#if meetingLabel}}`);
      expect(() => new MailRenderer(dir)).toThrow(/Parse error|Expecting/);
      rmSync(path.join(dir, 'meeting_planned', 'subject.hbs'));
      expect(() => new MailRenderer(dir)).toThrow(/ENOENT/);
    });
  });

  it('finds the templates from the sources and from the build (dist)', async () => {
    const root = path.join(__dirname, '..');
    expect(mailTemplatesDir()).toBe(path.join(root, 'libs', 'mail', 'templates'));
    const built = path.join(root, 'dist', 'libs', 'mail', 'src', 'templates-dir.js');
    const fromDist = (await import(built)) as { mailTemplatesDir: () => string };
    expect(fromDist.mailTemplatesDir()).toBe(path.join(root, 'libs', 'mail', 'templates'));
  });
});
