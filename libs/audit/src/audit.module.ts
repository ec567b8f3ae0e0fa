import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthEvents } from '@werkbrug/auth';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AuthAudit } from './auth-audit';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditService, { provide: AuthEvents, useClass: AuthAudit }],
  exports: [AuditService, AuthEvents],
})
export class AuditModule {}
