import { Body, Controller, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { IdParam } from '../common/validation/id-param';
import { CurrentUser, Public, RequirePermission } from './access.decorators';
import { AuthService } from './auth.service';
import { AuthenticatedUser } from './authenticated-user';
import { LoginDto, TokenDto } from './dto/login.dto';
import { CreateUserDto, UpdateMeDto, UpdateUserDto, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({
    description: "Wrong username or password (LOGIN_FAILED), in the caller's language.",
  })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-in attempts from this address.' })
  login(@Body() dto: LoginDto): Promise<TokenDto> {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @RequirePermission('reference:read')
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return this.users.get(user.id);
  }

  /** The caller's own interface language; the web app switches to it at every sign-in. */
  @Patch('me')
  @RequirePermission('reference:read')
  updateMe(@Body() dto: UpdateMeDto, @CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return this.users.update(user.id, { preferredLanguage: dto.preferredLanguage });
  }
}

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('user:manage')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @RequirePermission('user:manage')
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Get(':id')
  @RequirePermission('user:manage')
  get(@IdParam() id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RequirePermission('user:manage')
  update(@IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }
}
