import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ENVIRONMENT, Environment } from '../config/environment';
import { AccessGuard } from './access.guard';
import { AuthController, UsersController } from './auth.controller';
import { AuthService } from './auth.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ENVIRONMENT],
      useFactory: (env: Environment) => ({
        secret: env.JWT_SECRET,
        signOptions: { expiresIn: env.JWT_EXPIRES_IN as unknown as number, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, UsersService, { provide: APP_GUARD, useClass: AccessGuard }],
  controllers: [AuthController, UsersController],
  exports: [AuthService],
})
export class AuthModule {}
