import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@werkbrug/auth';
import { Page, ApiProblemResponses } from '@werkbrug/http';
import { AdminAuditEntryView, AdminAuditPage, AdminAuditQuery } from './audit-trail.dto';
import { AuditTrailService, toAdminAuditEntry } from './audit-trail.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @Access('admin')
  @ApiOperation({
    summary: 'Search the audit trail by candidate, acting user, period and action (newest first)',
  })
  @ApiOkResponse({ type: AdminAuditPage })
  @ApiProblemResponses(400, 422)
  list(@Query() query: AdminAuditQuery): Promise<Page<AdminAuditEntryView>> {
    const { candidateId, userId, from, to, action } = query;
    return this.trail.page(
      { candidateId, actorUserId: userId, from, to, action },
      query,
      toAdminAuditEntry,
    );
  }
}
