import { Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { DocumentsModule } from './documents/documents.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ConfigModule } from './config/config.module';
import { ENVIRONMENT, Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DomainExceptionFilter } from './errors/domain-exception.filter';
import { HealthModule } from './health/health.module';
import { I18nModule } from './i18n/i18n.module';
import { ReferenceModule } from './reference/reference.module';
import { StationsModule } from './stations/stations.module';
import { loggerOptions } from './logging/logger-options';
import { MediatorsModule } from './mediators/mediators.module';
import { AssignmentModule } from './assignment/assignment.module';
import { SessionsModule } from './sessions/sessions.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({
  imports: [
    // Route metadata is read by the access test (every route declares a permission).
    DiscoveryModule,
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => loggerOptions(env),
    }),
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
    DatabaseModule,
    I18nModule,
    AuditModule,
    AuthModule,
    ReferenceModule,
    StationsModule,
    CasesModule,
    AgreementsModule,
    DocumentsModule,
    MediatorsModule,
    AssignmentModule,
    SessionsModule,
    StatisticsModule,
    HealthModule,
    DemoModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
})
export class AppModule {}
