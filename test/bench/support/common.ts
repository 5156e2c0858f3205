import { execFileSync } from 'child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'fs';
import { join } from 'path';

/** Shared helpers of the benchmarks: arguments, deterministic randomness, statistics, the build. */

export const ROOT = join(__dirname, '..', '..', '..');

export function argValue(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0 && index + 1 < process.argv.length) return process.argv[index + 1];
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

/** mulberry32: small, fast and reproducible from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Version-4-shaped UUIDs from the generator, so a seed reproduces the same ids. */
export function uuidFactory(random: () => number): () => string {
  return () => {
    const b = new Array<number>(16);
    for (let i = 0; i < 16; i += 4) {
      const word = (random() * 4294967296) >>> 0;
      b[i] = word & 255;
      b[i + 1] = (word >>> 8) & 255;
      b[i + 2] = (word >>> 16) & 255;
      b[i + 3] = word >>> 24;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map((x) => HEX[x]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean,
  };
}

export const round = (value: number, digits = 1): number =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : value;

export const mb = (bytes: number): number => round(bytes / 1048576, 1);

/** Samples this process's RSS every 20 ms; returns the peak in MB when stopped. */
export function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return mb(Math.max(peak, process.memoryUsage.rss()));
    },
  };
}

/** Peak RSS of another process (the server under test), read from /proc/<pid>/status (VmHWM). */
export function peakRssOfPid(pid: number): number | null {
  try {
    const status = require('fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? round(Number(match[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ unless it is newer than every source file. The build info file goes first: with
 * `incremental` and nest's `deleteOutDir`, a stale tsconfig.build.tsbuildinfo makes tsc skip
 * emitting into the freshly emptied dist/.
 */
export function ensureBuilt(): void {
  const main = join(ROOT, 'dist', 'main.js');
  const fresh =
    existsSync(main) &&
    existsSync(join(ROOT, 'dist', 'reference', 'dispute-types.js')) &&
    statSync(main).mtimeMs >= newestMtime(join(ROOT, 'src'));
  if (fresh) return;
  console.log('Building dist/ (nest build) ...');
  rmSync(join(ROOT, 'tsconfig.build.tsbuildinfo'), { force: true });
  execFileSync(join(ROOT, 'node_modules', '.bin', 'nest'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
