import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { peakRssOfPid, ROOT, sleep } from './common';

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of GET /health. */
  startMs: number;
  peakRss: () => number | null;
  stop: () => Promise<void>;
}

/** Starts the built server (node dist/main.js) on loopback and waits until /health answers 200. */
export async function startServer(options: {
  /** The SQLite file, or a postgres:// URL. */
  sqlitePath: string;
  port: number;
  seedDemo?: boolean;
  script?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const started = process.hrtime.bigint();
  // BENCH_PORT_OFFSET moves every scenario's port, so that two runs on one machine keep apart.
  const port = options.port + Number(process.env.BENCH_PORT_OFFSET ?? 0);
  // A postgres:// URL in place of the file runs the server on PostgreSQL (DATABASE_URL).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    SEED_DEMO: options.seedDemo ? 'true' : 'false',
    LOG_LEVEL: 'warn',
  };
  if (/^postgres(ql)?:\/\//.test(options.sqlitePath)) env.DATABASE_URL = options.sqlitePath;
  else {
    env.SQLITE_PATH = options.sqlitePath;
    delete env.DATABASE_URL;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof' profiles the server under the scenario's load.
    [
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      options.script ?? join(ROOT, 'dist', 'main.js'),
    ],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy: ${stderr}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    url,
    pid: child.pid!,
    startMs,
    peakRss: () => peakRssOfPid(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Times `count` sequential GETs (or stops at `maxMs`), returning each latency in ms. */
export async function timeGets(
  url: string,
  token: string,
  paths: () => string,
  count: number,
  maxMs = 20_000,
): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  for (let i = 0; i < count && Date.now() - started < maxMs; i++) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(url + paths(), { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (response.status !== 200) errors++;
  }
  return { latencies, errors, seconds: (Date.now() - started) / 1000 };
}
