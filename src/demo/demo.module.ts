import { AssignmentModule } from '../assignment/assignment.module';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [CasesModule, AssignmentModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
