import { scanLogsForSecrets } from './support/log-scan';

/** After the whole e2e run: its logs must hold no identity number, phone, password or token. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.E2E_LOG_DIR;
  if (!dir) return;
  const { files, lines, findings } = scanLogsForSecrets(dir);
  if (lines === 0) throw new Error(`the e2e run wrote no logs to ${dir}: nothing was checked`);
  if (findings.length)
    throw new Error(
      `personal data or secrets in the logs of the e2e run (${findings.length}):\n` +
        findings
          .slice(0, 20)
          .map((f) => `  ${f.file}:${f.line} ${f.kind}`)
          .join('\n'),
    );
  console.log(
    `\nLogs of the e2e run: ${lines} lines in ${files} files, no personal data or secret.`,
  );
}
