import { Get, Param, ParseUUIDPipe, Post, Req, Res, type Type } from '@nestjs/common';
import type { Response } from 'express';
import { ExportService, ImportService } from '@werkbrug/import';
import { OrganisationsService } from '@werkbrug/organisations';
import { PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { ImportPageFlow } from './import-page-flow';

/**
 * The import and export routes of one audience: the same seven pages under its own path, open to
 * its own role, all handed to ImportPageFlow. One declaration for the administrator's and the
 * werkmakelaar's areas, so a new page or a changed route is written once.
 */
export function importPagesController(
  name: string,
  audience: { role: 'admin' | 'werkmakelaar'; base: string; views: string },
): Type {
  const at = audience.base.replace(/^\//, '');
  const role = audience.role;

  @WebController()
  class ImportPagesController {
    readonly flow: ImportPageFlow;

    constructor(
      pages: PageResponder,
      imports: ImportService,
      exports: ExportService,
      organisations: OrganisationsService,
    ) {
      this.flow = new ImportPageFlow(
        { base: audience.base, views: audience.views, admin: role === 'admin' },
        pages,
        imports,
        exports,
        organisations,
      );
    }

    @Get(at)
    @WebAccess(role)
    start(@Req() req: WebRequest, @Res() res: Response) {
      return this.flow.start(req, res);
    }

    @Post(at)
    @WebAccess(role)
    upload(@Req() req: WebRequest, @Res() res: Response) {
      return this.flow.upload(req, res);
    }

    @Post(`${at}/export`)
    @WebAccess(role)
    exportFile(@Req() req: WebRequest, @Res() res: Response) {
      return this.flow.exportFile(req, res);
    }

    @Get(`${at}/sjablonen/:bestand`)
    @WebAccess(role)
    template(@Param('bestand') fileName: string, @Res() res: Response) {
      return this.flow.template(res, fileName);
    }

    @Get(`${at}/:id`)
    @WebAccess(role)
    job(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
      return this.flow.job(req, res, id);
    }

    @Get(`${at}/:id/rapport`)
    @WebAccess(role)
    report(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
      return this.flow.report(req, res, id);
    }

    @Post(`${at}/:id/importeren`)
    @WebAccess(role)
    run(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
      return this.flow.run(req, res, id);
    }
  }
  // Each area's controller keeps a name of its own in logs and route listings.
  Object.defineProperty(ImportPagesController, 'name', { value: name });
  return ImportPagesController;
}

/** Import and export for administrators: into and out of any werkmakelaars' organisation. */
export const BeheerImportPagesController = importPagesController('BeheerImportPagesController', {
  role: 'admin',
  base: '/beheer/import',
  views: 'beheer/import',
});
