import { FormErrors } from '@werkbrug/web';
import {
  addPairProblems,
  codeFromName,
  countOf,
  readWerksoortForm,
  synonymsOf,
  werksoortInput,
} from './werksoort.form';

describe('werksoort form', () => {
  it.each([
    ['Zorg', 'zorg'],
    ['Zorg & welzijn', 'zorg-welzijn'],
    ['Café en bediening', 'cafe-en-bediening'],
    ['  Groen  ', 'groen'],
    ['3D-printen', 'd-printen'],
    ['x', null],
    ['!!', null],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('codeFromName(%p) is %p', (name, code) => {
    expect(codeFromName(name)).toBe(code);
  });

  it.each([
    ['tuinman\nhovenier', ['tuinman', 'hovenier']],
    ['Tuinman, hovenier; tuinman', ['tuinman', 'hovenier']],
    ['\n  \n', []],
  ])('synonymsOf(%p)', (text, list) => {
    expect(synonymsOf(text)).toEqual(list);
  });

  it('reads the fields and takes spaces out of the codes', () => {
    expect(
      readWerksoortForm({ name: ' Zorg ', iscoCode: '53 21', brcCode: ' 1051', synonyms: 'a\nb' }),
    ).toEqual({
      name: 'Zorg',
      synonyms: 'a\nb',
      iscoCode: '5321',
      brcCode: '1051',
      brcName: '',
      version: '',
    });
  });

  it('leaves empty codes out on create and clears them on update', () => {
    const values = readWerksoortForm({ name: 'Zorg', iscoCode: '5321', version: '4' });
    expect(werksoortInput(values, 'create')).toEqual({
      code: 'zorg',
      name: 'Zorg',
      synonyms: [],
      iscoCode: '5321',
      brcCode: undefined,
      brcName: undefined,
    });
    expect(werksoortInput(values, 'update')).toEqual({
      name: 'Zorg',
      synonyms: [],
      iscoCode: '5321',
      brcCode: '',
      brcName: '',
      version: 4,
    });
  });

  it.each([
    [{ brcCode: '1121' }, { brcName: 'Vul ook de naam van de BRC-beroepsgroep in' }],
    [{ brcName: 'Schoonmakers' }, { brcCode: expect.stringContaining('BRC-code') }],
    [{ brcCode: '1121', brcName: 'Schoonmakers' }, null],
    [{}, null],
  ])('a BRC code goes with its name: %p', (fields, expected) => {
    const errors = new FormErrors();
    addPairProblems(readWerksoortForm({ name: 'Zorg', ...fields }), errors);
    expect(errors.toView()?.fields ?? null).toEqual(expected);
  });

  it.each([
    [0, '0 werkplekken'],
    [1, '1 werkplek'],
    [12, '12 werkplekken'],
  ])('countOf(%p)', (n, text) => {
    expect(countOf(n, 'werkplek', 'werkplekken')).toBe(text);
  });
});
