/** Why a werkmakelaar opens the protected part; the choice is kept in the audit trail. */
export const PURPOSES = [
  'Contact opnemen met de kandidaat',
  'Plaatsing of voorstel voorbereiden',
  'Instrumenten en subsidie bepalen',
  'Dossier bijwerken',
];
