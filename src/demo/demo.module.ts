import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [CasesModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
