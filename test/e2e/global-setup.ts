import { mkdirSync } from 'fs';
import { join } from 'path';

/** Runs once before the e2e project: a folder for artifacts (rendered pages, exports, logs). */
export default async function globalSetup(): Promise<void> {
  mkdirSync(join(__dirname, '..', '..', 'test-artifacts'), { recursive: true });
}
