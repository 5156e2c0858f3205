import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** @example clerk.jincheng */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  /** @example Clerk!2026jc */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class TokenDto {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    preferredLanguage: string;
  };
}
