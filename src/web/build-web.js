#!/usr/bin/env node
// Builds the web app into dist/web/public (or the folder given as the first argument): one
// minified bundle of src/web/client/main.ts and its CSS with content hashes in their names, the
// page shell index.html that loads them, and i18n/<lng>.json per locale holding the namespaces
// the client reads. Everything is served by the service itself: no CDN, no font service.
// `npm run build` runs it after `nest build` (which empties dist/); e2e tests call buildWeb().
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('fs');
const { basename, join, resolve } = require('path');

const ROOT = resolve(__dirname, '..', '..');
const DEFAULT_OUT = join(ROOT, 'dist', 'web', 'public');
const LANGUAGES = ['zh-CN', 'en', 'ar', 'fa', 'ur', 'hi', 'ru', 'fr', 'es', 'pt', 'ko', 'tr'];
// The client's own strings, and the server namespaces whose enumerations it shows (states, roles).
const NAMESPACES = [
  'web',
  'web-mediator',
  'common',
  'cases',
  'mediators',
  'sessions',
  'agreements',
];

function pageShell(script, style) {
  return `<!doctype html>
<html lang="zh-CN" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>人民调解 · Mediation</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/${style}">
<script defer src="/${script}"></script>
</head>
<body>
<div id="app" aria-live="polite"><p class="boot">…</p></div>
<noscript>JavaScript is required. 请启用 JavaScript。</noscript>
</body>
</html>
`;
}

async function buildWeb(outdir = DEFAULT_OUT) {
  const esbuild = require('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'i18n'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(__dirname, 'client', 'main.ts')],
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'iife',
    target: ['es2020'],
    entryNames: 'app-[hash]',
    // Fonts the stylesheet names (a Naskh face for Urdu letters system fonts lack) ship beside it.
    loader: { '.ttf': 'file' },
    assetNames: 'fonts/[name]-[hash]',
    outdir,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
  const script = outputs.find((f) => f.endsWith('.js'));
  const style = outputs.find((f) => f.endsWith('.css'));
  if (!script || !style) throw new Error(`web build produced ${outputs.join(', ')}`);
  writeFileSync(join(outdir, 'index.html'), pageShell(script, style));

  for (const language of LANGUAGES) {
    const bundle = {};
    for (const namespace of NAMESPACES) {
      const file = join(ROOT, 'locales', language, `${namespace}.json`);
      bundle[namespace] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    }
    writeFileSync(join(outdir, 'i18n', `${language}.json`), JSON.stringify(bundle));
  }
  return { outdir, script, style };
}

function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(__dirname, 'client'));
  for (const language of LANGUAGES) visit(join(ROOT, 'locales', language));
  return Math.max(newest, statSync(__filename).mtimeMs);
}

/**
 * Builds only when the bundle is missing or older than a client source or locale file, into a
 * fresh folder swapped in at the end, so that a test already serving the old bundle is not left
 * with a half-written one. Tests call this before starting a browser.
 */
async function ensureWebBuilt(outdir = DEFAULT_OUT) {
  const index = join(outdir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource())
    return { outdir, built: false };
  const fresh = `${outdir}.${process.pid}.tmp`;
  await buildWeb(fresh);
  rmSync(outdir, { recursive: true, force: true });
  renameSync(fresh, outdir);
  return { outdir, built: true };
}

module.exports = { buildWeb, ensureWebBuilt, DEFAULT_OUT };

if (require.main === module) {
  const started = Date.now();
  buildWeb(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT).then(
    ({ outdir, script }) =>
      console.log(`web app: ${outdir}/${script} (${Date.now() - started} ms)`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
