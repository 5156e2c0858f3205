import { Module } from '@nestjs/common';
import { MediatorsController } from './mediators.controller';
import { MediatorsService } from './mediators.service';

/**
 * The mediator registry. It owns the mediator tables; case assignment (src/assignment/) reads
 * them to suggest and seat mediators, and never writes them.
 */
@Module({
  providers: [MediatorsService],
  controllers: [MediatorsController],
  exports: [MediatorsService],
})
export class MediatorsModule {}
