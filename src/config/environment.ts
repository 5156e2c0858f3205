import {
  DEV_ENCRYPTION_KEYS,
  DEV_LOOKUP_HASH_KEY,
  parseKeyRing,
} from '../common/personal-data/field-encryption';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Every environment variable the service reads, validated once at start-up (README lists them). */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  SQLITE_PATH = './data/mediation.sqlite';

  /** postgres://user:pass@host:5432/db switches the service to PostgreSQL. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'dev-only-jwt-secret-change-me';

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsString()
  @MinLength(3)
  ADMIN_USERNAME = 'admin';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD = 'Admin!2026';

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  SEED_DEMO = true;

  @IsString()
  BODY_LIMIT = '1mb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Appends the JSON logs to this file instead of standard output. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Address printed on documents for verification (QR codes, verify links). */
  @IsString()
  PUBLIC_URL = 'http://localhost:3000';

  /** id:base64(32 bytes) entries, comma-separated; the first encrypts identity and phone numbers. */
  @IsString()
  DATA_ENCRYPTION_KEYS = DEV_ENCRYPTION_KEYS;

  /** Key of the keyed hash used to find identity documents and phones without decrypting. */
  @IsString()
  @MinLength(16)
  LOOKUP_HASH_KEY = DEV_LOOKUP_HASH_KEY;
}

export const DEFAULT_SECRETS: Partial<Record<keyof Environment, string>> = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me',
  ADMIN_PASSWORD: 'Admin!2026',
  DATA_ENCRYPTION_KEYS: DEV_ENCRYPTION_KEYS,
  LOOKUP_HASH_KEY: DEV_LOOKUP_HASH_KEY,
};

export function loadEnvironment(
  source: Record<string, string | undefined> = process.env,
): Environment {
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  parseKeyRing(env.DATA_ENCRYPTION_KEYS);
  if (env.NODE_ENV === 'production') {
    const weak = (Object.keys(DEFAULT_SECRETS) as (keyof Environment)[]).filter(
      (key) => env[key] === DEFAULT_SECRETS[key],
    );
    if (weak.length > 0) {
      throw new Error(
        `Refusing to start in production with default values for: ${weak.join(', ')}`,
      );
    }
  }
  return env;
}

export const ENVIRONMENT = Symbol('ENVIRONMENT');
