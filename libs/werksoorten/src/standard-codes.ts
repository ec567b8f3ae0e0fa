/**
 * The standard codes of a werksoort, so that figures can be compared with CBS and UWV and an import
 * from another system has something to map on:
 * - ISCO-08 unit group (ILO, 4 digits), https://www.ilo.org/public/english/bureau/stat/isco/isco08/
 * - the beroepsgroep of the Beroepenindeling ROA-CBS 2014 (BRC 2014): 4 digits, the first two the
 *   beroepsklasse (01–13), then the segment and the group (each 1–9), with its Dutch name.
 *   Codelijsten and the schakelschema ISCO2008 – BRC 2014:
 *   https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/onderwijs-en-beroepen/beroepenclassificatie--isco-en-sbc--
 */
export const ISCO_PATTERN = /^[0-9]{4}$/;
export const BRC_PATTERN = /^(0[1-9]|1[0-3])[1-9][1-9]$/;
export const BRC_NAME_MAX = 100;

export interface StandardCodes {
  iscoCode: string | null;
  brcCode: string | null;
  brcName: string | null;
}

export type StandardCodeProblem =
  | { field: 'iscoCode'; reason: 'format' }
  | { field: 'brcCode'; reason: 'format' | 'name-without-code' }
  | { field: 'brcName'; reason: 'missing' | 'too-long' };

/** An empty answer means "no code": null, never an empty string. */
export const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
};

/**
 * What is wrong with a werksoort's codes (empty when nothing). A BRC group is a code with its name:
 * the one without the other is refused, so a report never shows a bare number or an orphan name.
 */
export function standardCodeProblems(codes: StandardCodes): StandardCodeProblem[] {
  const problems: StandardCodeProblem[] = [];
  if (codes.iscoCode !== null && !ISCO_PATTERN.test(codes.iscoCode))
    problems.push({ field: 'iscoCode', reason: 'format' });
  if (codes.brcCode !== null && !BRC_PATTERN.test(codes.brcCode))
    problems.push({ field: 'brcCode', reason: 'format' });
  if (codes.brcCode !== null && codes.brcName === null)
    problems.push({ field: 'brcName', reason: 'missing' });
  if (codes.brcCode === null && codes.brcName !== null)
    problems.push({ field: 'brcCode', reason: 'name-without-code' });
  if (codes.brcName !== null && codes.brcName.length > BRC_NAME_MAX)
    problems.push({ field: 'brcName', reason: 'too-long' });
  return problems;
}

/**
 * The codes of the seven seeded werksoorten: the ISCO-08 unit group that fits the entry-level work
 * Werkbrug places people in, and the BRC 2014 beroepsgroep that unit group falls in (CBS
 * schakelschema ISCO2008 – BRC 2014, link above). Where a werksoort spans several unit groups the
 * most common one for this work is chosen; the alternatives are named so an administrator can
 * change it on /beheer/werksoorten.
 */
export const SEED_STANDARD_CODES: Record<string, StandardCodes> = {
  // 9329 Manufacturing labourers n.e.c. (inpakken, assemblage by hand); alternatives 8219 Assemblers
  // n.e.c. (BRC 0772) and 9321 Hand packers (BRC 0781 as well).
  productie: { iscoCode: '9329', brcCode: '0781', brcName: 'Hulpkrachten bouw en industrie' },
  // 9214 Garden and horticultural labourers; a hovenier with a vakdiploma is 6113 (BRC 0912).
  groen: { iscoCode: '9214', brcCode: '0921', brcName: 'Hulpkrachten landbouw' },
  // 9112 Cleaners and helpers in offices, hotels and other establishments.
  schoonmaak: { iscoCode: '9112', brcCode: '1121', brcName: 'Schoonmakers' },
  // 9333 Freight handlers (magazijnmedewerker, orderpicker, laden en lossen); a stock clerk is 4321
  // (BRC 0435 Transportplanners en logistiek medewerkers).
  logistiek: { iscoCode: '9333', brcCode: '1221', brcName: 'Laders, lossers en vakkenvullers' },
  // 4110 General office clerks.
  administratief: { iscoCode: '4110', brcCode: '0431', brcName: 'Administratief medewerkers' },
  // 9412 Kitchen helpers (keuken, afwas, kantine); a cook is 5120 (BRC 1112 Koks), serving 5131
  // (BRC 1113 Kelners en barpersoneel).
  catering: { iscoCode: '9412', brcCode: '1122', brcName: 'Keukenhulpen' },
  // 8322 Car, taxi and van drivers (leerlingen- en zorgvervoer); a buurtbus driver is 8331 (BRC 1213).
  personenvervoer: {
    iscoCode: '8322',
    brcCode: '1212',
    brcName: "Chauffeurs auto's, taxi's en bestelwagens",
  },
};
