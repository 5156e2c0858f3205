import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ADMIN, DEMO } from './test-app';

/**
 * What must never appear in a log line: bearer tokens (any JWT), Chinese resident identity
 * numbers (18 characters, the last a digit or X), Chinese mobile numbers, the passport numbers the
 * factories make (YE…, RU…), and the passwords of the accounts the tests use. The patterns are
 * anchored on non-word characters so that millisecond timestamps and the hex groups of ids (a
 * request id ending in e18893213171) do not match.
 */
const PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'token', pattern: /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/ },
  { kind: 'resident id', pattern: /(?<![\dA-Za-z-])\d{17}[\dX](?![\dA-Za-z-])/ },
  { kind: 'phone', pattern: /(?<![\w-])(?:\+?86)?1[3-9]\d{9}(?![\w-])/ },
  { kind: 'passport', pattern: /(?<![\w-])(?:YE|RU|IN|PK|KR)\d{6,12}(?![\w-])/ },
  { kind: 'authorization header', pattern: /Bearer\s+\S/i },
];

const PASSWORDS = [ADMIN.password, ...Object.values(DEMO).map((account) => account.password)];

export interface LogFinding {
  file: string;
  line: number;
  kind: string;
}

export function findSecrets(line: string): string[] {
  const kinds = PATTERNS.filter(({ pattern }) => pattern.test(line)).map(({ kind }) => kind);
  if (PASSWORDS.some((password) => line.includes(password))) kinds.push('password');
  return kinds;
}

export function scanLogsForSecrets(dir: string): {
  files: number;
  lines: number;
  findings: LogFinding[];
} {
  const findings: LogFinding[] = [];
  let lines = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (!text.trim()) return;
        lines++;
        for (const kind of findSecrets(text)) findings.push({ file, line: index + 1, kind });
      });
  }
  return { files: files.length, lines, findings };
}
