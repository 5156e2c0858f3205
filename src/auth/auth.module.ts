import { Module } from '@nestjs/common';
import { createSecretKey } from 'crypto';
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
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a public
        // key and builds (and throws away) an error on every request before using it as a secret.
        secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as string,
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
