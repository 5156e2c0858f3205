import 'reflect-metadata';
import { createApp } from './app.factory';
import { ENVIRONMENT, Environment } from './config/environment';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const env = app.get<Environment>(ENVIRONMENT);
  await app.listen(env.PORT);
}

void bootstrap();
