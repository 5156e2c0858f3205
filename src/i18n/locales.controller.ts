import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { directionOf, NATIVE_NAMES, SUPPORTED_LANGUAGES } from './languages';

@ApiTags('reference')
@Controller('api/v1/locales')
export class LocalesController {
  @Public()
  @Get()
  @ApiOkResponse({
    description:
      'The twelve supported locales, e.g. { code: "ar", nativeName: "العربية", direction: "rtl" }.',
  })
  list() {
    return SUPPORTED_LANGUAGES.map((code) => ({
      code,
      nativeName: NATIVE_NAMES[code],
      direction: directionOf(code),
    }));
  }
}
