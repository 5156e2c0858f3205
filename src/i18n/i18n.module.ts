import { Global, Module } from '@nestjs/common';
import { I18nService } from './i18n.service';
import { LocalesController } from './locales.controller';

@Global()
@Module({ providers: [I18nService], exports: [I18nService], controllers: [LocalesController] })
export class I18nModule {}
