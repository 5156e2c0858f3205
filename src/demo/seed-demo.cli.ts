// npm run seed:demo — seeds the demo data into the configured database if it holds no stations yet.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { AuthService } from '../auth/auth.service';
import { DemoSeeder } from './demo-seeder';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: ['error', 'warn', 'log'],
  });
  await app.get(AuthService).ensureFirstAdmin();
  const seeded = await app.get(DemoSeeder).seedIfEmpty();
  console.log(
    seeded ? 'Demo data seeded.' : 'The database already holds stations; nothing seeded.',
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
