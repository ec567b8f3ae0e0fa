import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { AdminAuditController } from './audit-trail/admin-audit.controller';
import { AuditTrailService } from './audit-trail/audit-trail.service';
import { MyAuditController } from './audit-trail/my-audit.controller';
import { ErasureController } from './erasure/erasure.controller';
import { ExportController } from './export/export.controller';
import { ExportService } from './export/export.service';
import { PrivacyCoreModule } from './privacy-core.module';

/** The candidate's rights over their data (AVG art. 15, 17, 20) and the audit trail queries. */
@Module({
  imports: [CandidatesModule, PrivacyCoreModule],
  controllers: [MyAuditController, AdminAuditController, ExportController, ErasureController],
  providers: [AuditTrailService, ExportService],
  exports: [PrivacyCoreModule, AuditTrailService, ExportService],
})
export class PrivacyModule {}
