import { importPagesController } from '@werkbrug/beheer-pages';

/**
 * Import and export for the werkmakelaar: candidates (with the protected part, given a purpose),
 * employers and workplaces of their own organisation. The pages are the administrators' (one flow
 * in libs/beheer-pages/src/import), in the werkmakelaar's own area.
 */
export const ImportPagesController = importPagesController('ImportPagesController', {
  role: 'werkmakelaar',
  base: '/werkmakelaar/import',
  views: 'werkmakelaar/import',
});
