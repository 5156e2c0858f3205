import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditTrail } from './audit-trail.service';

@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail], controllers: [AuditController] })
export class AuditModule {}
