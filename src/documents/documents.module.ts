import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocuments } from './case-documents.service';

/**
 * Printable case documents: the notice of rights and duties, session records, termination
 * notices, applications for judicial confirmation and the case file. Agreement copies live with
 * agreements. Reads other modules' tables; never writes.
 */
@Module({
  imports: [CasesModule],
  controllers: [CaseDocumentsController],
  providers: [CaseDocuments],
})
export class DocumentsModule {}
