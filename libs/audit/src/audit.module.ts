import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignInEvents } from '@werkbrug/auth';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { SignInAudit } from './sign-in-audit';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditService, { provide: SignInEvents, useClass: SignInAudit }],
  exports: [AuditService, SignInEvents],
})
export class AuditModule {}
