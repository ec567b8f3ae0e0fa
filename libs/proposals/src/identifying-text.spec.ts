import {
  allowedBySharing,
  type CandidateIdentity,
  findIdentifying,
  type IdentifyingKind,
  identifyingKinds,
  identifyingTextMessage,
  maskIdentifying,
  passesElfproef,
} from './identifying-text';

const dewi: CandidateIdentity = {
  firstName: 'Dewi',
  lastName: 'de Vries',
  email: 'dewi.devries@example.nl',
  phone: '06-12345678',
  address: 'Dorpsstraat 12a, 3441 AB Woerden',
};

describe('identifyingKinds', () => {
  it.each<[string, string, CandidateIdentity, IdentifyingKind[]]>([
    // Names: whole words, case and diacritics ignored, tussenvoegsels optional.
    ['the first name', 'Dewi zoekt werk buiten.', dewi, ['firstName']],
    ['the first name in lower case', 'ik ken dewi al jaren', dewi, ['firstName']],
    ['the first name with a diacritic', 'Dewí zoekt werk.', dewi, ['firstName']],
    [
      'the name in a diacritic-written record',
      'Zoë zoekt werk.',
      { firstName: 'Zoe' },
      ['firstName'],
    ],
    [
      'the record with a diacritic, the text without',
      'Zoe zoekt werk.',
      { firstName: 'Zoë' },
      ['firstName'],
    ],
    ['the first name inside another word is no name', 'Dewina en Kandewi', dewi, []],
    ['the last name with its tussenvoegsel', 'Mevrouw de Vries wil graag.', dewi, ['lastName']],
    ['the last name with a capital tussenvoegsel', 'De Vries wil graag.', dewi, ['lastName']],
    ['the last name without its tussenvoegsel', 'Mevrouw Vries wil graag.', dewi, ['lastName']],
    ['the whole name', 'Dewi de Vries', dewi, ['firstName', 'lastName']],
    ['a tussenvoegsel alone is no name', 'De kandidaat werkt de hele dag.', dewi, []],
    [
      'a double last name, each part',
      'Mevrouw Jansen en ook Boer.',
      { lastName: 'Jansen-de Boer' },
      ['lastName'],
    ],
    [
      'a hyphenated first name, one part',
      'Anne wil graag.',
      { firstName: 'Anne-Marie' },
      ['firstName'],
    ],
    [
      'an everyday word as a name counts only with a capital',
      'De kandidaat wil bakker worden.',
      { firstName: 'Wil', lastName: 'Bakker' },
      [],
    ],
    [
      'an everyday word as a name, with a capital',
      'Meneer Bakker wil graag. Wil is gemotiveerd.',
      { firstName: 'Wil', lastName: 'Bakker' },
      ['firstName', 'lastName'],
    ],
    ['no names known: only patterns', 'Dewi de Vries', {}, []],
    // E-mail addresses, any.
    ['an e-mail address', 'Mail naar iemand@voorbeeld.nl.', {}, ['email']],
    ['the candidate’s e-mail (not also a name)', 'Mail dewi.devries@example.nl', dewi, ['email']],
    // Phone numbers.
    ['06-12345678', 'Bel 06-12345678.', {}, ['phone']],
    ['0612345678', 'Bel 0612345678', {}, ['phone']],
    ['06 1234 5678', 'Bel 06 1234 5678', {}, ['phone']],
    ['+31 6 1234 5678', 'Bel +31 6 1234 5678', {}, ['phone']],
    ['+31 (0)6 12345678', 'Bel +31 (0)6 12345678', {}, ['phone']],
    ['0031612345678', 'Bel 0031612345678', {}, ['phone']],
    ['a landline (030) 123 45 67', 'Bel (030) 123 45 67', {}, ['phone']],
    ['a landline 0348-123456', 'Bel 0348-123456', {}, ['phone']],
    ['a foreign number', 'Bel +32 470 12 34 56', {}, ['phone']],
    ['the candidate’s own number without its 0', 'Bel 612345678', dewi, ['phone']],
    ['hours and dates are no phone number', '16 tot 32 uur, vanaf 01-12-2026, 9.00-17.00', {}, []],
    // Addresses.
    ['a postcode', 'Woont bij postcode 1234 AB.', {}, ['address']],
    ['a postcode written together', 'Woont in 1234AB', {}, ['address']],
    ['a year and a word are no postcode', 'Sinds 2024 de kandidaat', {}, []],
    ['the candidate’s street and number', 'Woont aan de Dorpsstraat 12a.', dewi, ['address']],
    ['the street alone is not the address', 'De Dorpsstraat is lang.', dewi, []],
    ['another street is not the candidate’s', 'Stationsweg 1 is de werkplek.', dewi, []],
    // BSN-like numbers: nine digits passing the elfproef.
    ['a BSN', 'BSN 123456782', {}, ['bsn']],
    ['a BSN with dots', 'BSN 1234.56.782', {}, ['bsn']],
    ['a BSN with spaces', 'BSN 123 456 782', {}, ['bsn']],
    ['nine digits failing the elfproef', 'Nummer 123456789', {}, []],
    ['a phone number is not also a BSN', 'Bel 0123456782', {}, ['phone']],
    ['a BSN after "+" is a phone number', 'Bel +123456782', {}, ['phone']],
    // Everything at once, in a fixed order.
    [
      'several kinds',
      'Dewi (06-12345678, dewi@x.nl) woont op 3441 AB, BSN 111222333.',
      dewi,
      ['firstName', 'email', 'phone', 'address', 'bsn'],
    ],
    ['nothing', 'De kandidaat werkt graag buiten en heeft ervaring met snoeien.', dewi, []],
  ])('%s', (_name, text, who, kinds) => {
    expect(identifyingKinds(text, who)).toEqual(kinds);
  });

  it('leaves out what the consent shares', () => {
    const text = 'Dewi de Vries zoekt werk.';
    expect(identifyingKinds(text, dewi, allowedBySharing(['firstName']))).toEqual(['lastName']);
    expect(identifyingKinds(text, dewi, allowedBySharing(['werkmakelaarContact']))).toEqual([
      'firstName',
      'lastName',
    ]);
  });
});

describe('maskIdentifying', () => {
  it.each<[string, string, string[], string]>([
    ['names', 'Dewi de Vries zoekt werk.', [], '[naam] [naam] zoekt werk.'],
    [
      'a shared first name stays',
      'Dewi de Vries zoekt werk.',
      ['firstName'],
      'Dewi [naam] zoekt werk.',
    ],
    ['diacritics keep their place', 'Dewí zoekt werk.', [], '[naam] zoekt werk.'],
    [
      'contact details',
      'Bel +31 6 1234 5678 of mail dewi@x.nl.',
      [],
      'Bel [telefoonnummer] of mail [e-mailadres].',
    ],
    ['an address', 'Woont op Dorpsstraat 12a, 3441 AB.', [], 'Woont op [adres], [adres].'],
    ['a BSN', 'BSN 1234.56.782.', [], 'BSN [nummer].'],
    ['nothing to mask', 'De kandidaat werkt graag.', [], 'De kandidaat werkt graag.'],
  ])('%s', (_name, text, shared, masked) => {
    expect(maskIdentifying(text, dewi, allowedBySharing(shared))).toBe(masked);
  });

  it('masks what it found, and finds nothing in what it masked', () => {
    const masked = maskIdentifying('Dewi de Vries, 06-12345678', dewi);
    expect(findIdentifying(masked, dewi)).toEqual([]);
  });
});

describe('passesElfproef', () => {
  it.each<[string, boolean]>([
    ['123456782', true],
    ['111222333', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
    ['12345678a', false],
  ])('%s → %s', (digits, passes) => {
    expect(passesElfproef(digits)).toBe(passes);
  });
});

describe('identifyingTextMessage', () => {
  it.each<[IdentifyingKind[], string]>([
    [
      ['lastName'],
      'De motivatie noemt de achternaam van de kandidaat. De werkgever mag die niet zien. Haal die weg.',
    ],
    [
      ['phone'],
      'De motivatie noemt een telefoonnummer. De werkgever mag dat niet zien. Haal dat weg.',
    ],
    [
      ['firstName', 'email', 'bsn'],
      'De motivatie noemt de voornaam van de kandidaat, een e-mailadres en een burgerservicenummer (BSN). ' +
        'De werkgever mag die niet zien. Haal die weg.',
    ],
  ])('%j', (kinds, message) => {
    expect(identifyingTextMessage(kinds)).toBe(message);
  });
});
