import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';

/**
 * Runs once before the e2e project: a folder for artifacts (rendered pages, exports, logs), and
 * a fresh folder where every app a test starts writes its JSON logs (LOG_FILE), so that the
 * teardown can scan the logs of the whole run for personal data and secrets.
 */
export default async function globalSetup(): Promise<void> {
  const artifacts = join(__dirname, '..', '..', 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const logs = join(artifacts, 'logs', 'e2e-run');
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  process.env.E2E_LOG_DIR = logs;
}
