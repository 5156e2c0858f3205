import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseDocumentsController } from './case-documents.controller';

/** Printable case documents (the notice of rights and duties); agreement copies live with agreements. */
@Module({ imports: [CasesModule], controllers: [CaseDocumentsController] })
export class DocumentsModule {}
