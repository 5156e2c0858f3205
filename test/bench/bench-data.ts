// npm run bench:data -- --cases 1000000 [--db ./data/bench.sqlite] [--seed 2026]
// DATABASE_URL=postgres://…/mediation_bench npm run bench:data -- --cases 1000000 [--fresh]
// Fills a fresh SQLite (or PostgreSQL) database with county-scale data for the benchmarks (see
// README, Performance).
import 'reflect-metadata';
import { spawnSync } from 'child_process';
import { createHmac } from 'crypto';
import { rmSync } from 'fs';
import { join, resolve } from 'path';
import * as sqlite3 from 'sqlite3';
import { Database, OPEN_CREATE, OPEN_READWRITE } from 'sqlite3';
import { DataSource } from 'typeorm';
import { encryptField, lookupHash } from '../../src/common/personal-data/field-encryption';
import { searchNamesOf } from '../../src/cases/name-search';
import { CaseState } from '../../src/cases/case-lifecycle';
import { OPEN_CASE_STATES } from '../../src/mediators/mediator-workload';
import { TRADE_DISPUTE_TAGS } from '../../src/cases/mediation-case.entity';
import { buildDataSourceOptions } from '../../src/database/database-options';
import { dialectsOfRegion } from '../../src/reference/dialects';
import { DISPUTE_TYPES } from '../../src/reference/dispute-types';
import { rebuildCaseStatistics } from '../../src/statistics/case-statistics-row';
import { argValue, ensureBuilt, prng, ROOT, uuidFactory } from './support/common';
import { Client } from 'pg';
import { BulkTarget, PostgresTarget, SqliteTarget } from './data/targets';
import {
  ACCOUNT_ZH,
  ACCOUNTS,
  benchStations,
  CHINESE_GIVEN,
  CHINESE_SURNAMES,
  ETHNIC_GROUPS,
  HOME_REGIONS,
  NATIONALITIES,
  Nationality,
  OCCUPATIONS,
  ORG_BRANDS,
  ORG_KINDS,
  ORG_PLACES,
} from './data/pools';

const CASES = Number(argValue('cases', '200000'));
const MEDIATORS = Number(argValue('mediators', '5000'));
const SEED = Number(argValue('seed', '2026'));
const DB_PATH = resolve(
  argValue('db') ?? process.env.SQLITE_PATH ?? join(ROOT, 'data', 'bench.sqlite'),
);
/** PostgreSQL when DATABASE_URL says so (as for the app), else the SQLite file. */
const PG_URL = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
  ? process.env.DATABASE_URL
  : undefined;
const TARGET_NAME = PG_URL ? PG_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : DB_PATH;
const CASES_PER_TRANSACTION = 50_000;
/** "Now" of the data set: cases are received from 2024-01-01 to this day. */
const NOW = Date.UTC(2026, 10, 20, 10, 0, 0);
const START = Date.UTC(2024, 0, 1, 1, 0, 0);
const DAY = 86_400_000;

const random = prng(SEED);
const uuid = uuidFactory(prng(SEED + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** TypeORM's SQLite forms: created_at by datetime('now'); other timestamps with milliseconds. */
const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
const created = (ms: number) => stamp(ms).slice(0, 19);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function weighted<T>(entries: [T, number][]): () => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return () => {
    let r = random() * total;
    for (const [value, w] of entries) if ((r -= w) <= 0) return value;
    return entries[entries.length - 1][0];
  };
}

// --- state by age: recent cases are mostly open, old ones mostly closed -------------------------
const recentState = weighted<CaseState>([
  ['registered', 25],
  ['accepted', 15],
  ['mediating', 30],
  ['agreement_reached', 10],
  ['declined', 3],
  ['refused', 4],
  ['withdrawn', 5],
  ['terminated', 3],
  ['performed', 5],
]);
const monthsState = weighted<CaseState>([
  ['registered', 2],
  ['accepted', 2],
  ['mediating', 10],
  ['agreement_reached', 15],
  ['performed', 25],
  ['not_performed', 3],
  ['terminated', 8],
  ['withdrawn', 5],
  ['declined', 4],
  ['refused', 5],
  ['closed', 21],
]);
const oldState = weighted<CaseState>([
  ['registered', 0.2],
  ['accepted', 0.3],
  ['mediating', 0.5],
  ['agreement_reached', 2],
  ['performed', 10],
  ['not_performed', 2],
  ['terminated', 2],
  ['withdrawn', 2],
  ['declined', 5],
  ['refused', 6],
  ['closed', 70],
]);
const closedVia = weighted<CaseState>([
  ['performed', 60],
  ['not_performed', 5],
  ['terminated', 15],
  ['withdrawn', 20],
]);
const sourceOf = weighted([
  ['party_application', 70],
  ['committee_initiative', 8],
  ['police_referral', 12],
  ['court_referral', 6],
  ['government_assignment', 4],
]);
const foreignDispute = weighted<string>([
  ['contract', 45],
  ['business_operation', 20],
  ['consumer', 8],
  ['damages', 6],
  ['housing_homestead', 6],
  ['labour', 5],
  ['road_traffic', 3],
  ['marriage_family', 3],
  ['neighbourhood', 2],
  ['other', 2],
]);
const domesticDispute = weighted<string>([
  ['labour', 35],
  ['damages', 10],
  ['contract', 10],
  ['neighbourhood', 8],
  ['marriage_family', 8],
  ['road_traffic', 7],
  ['housing_homestead', 5],
  ['property_management', 4],
  ['consumer', 4],
  ['business_operation', 3],
  ['medical', 2],
  ['forest_land', 1],
  ['land_requisition', 1],
  ['pollution', 1],
  ['other', 1],
]);

// --- encrypted values: a small pool, reused (AES-GCM per row would dominate the load) ----------
const PHONE_POOL = Array.from({ length: 512 }, (_, i) => {
  const phone = `+86138${String(10000000 + i * 7919).slice(-8)}`;
  return [encryptField(phone), lookupHash(phone, 'phone')];
});
const DOCUMENT_POOL = Array.from({ length: 512 }, (_, i) =>
  encryptField(`E${String(i).padStart(8, '0')}`),
);
const hashKey = process.env.LOOKUP_HASH_KEY || 'dev-only-lookup-hash-key';
/** lookupHash of a document number, with a reused key (same digest as the app's). */
const documentHash = (kind: string, number: string) =>
  createHmac('sha256', hashKey).update(`${kind}:${number}`).digest('hex');
if (documentHash('passport', 'E1') !== lookupHash('E1', 'passport'))
  throw new Error('hash mismatch');

const searchCache = new Map<string, string>();
const searchNames = (names: (string | null)[]) => {
  const key = names.join('\u0000');
  let value = searchCache.get(key);
  if (value === undefined) searchCache.set(key, (value = searchNamesOf(names)));
  return value;
};

interface StationRow {
  id: string;
  code: string;
  county: string;
  format: string;
  weight: number;
  foreignShare: number;
  mediators: string[];
}

async function main(): Promise<void> {
  const started = Date.now();
  ensureBuilt();
  if (PG_URL) await freshPostgres(PG_URL);
  else
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(DB_PATH + suffix, { force: true });
  console.log(`Fresh database ${TARGET_NAME}: migrations ...`);
  // TypeORM switches sqlite3 to verbose mode, which wraps every call to capture a stack trace
  // (a quarter of the load's CPU time): the raw connection below uses the unwrapped methods.
  const prototypes = [sqlite3.Database.prototype, sqlite3.Statement.prototype] as object[];
  const saved = prototypes.map((p) => Object.getOwnPropertyDescriptors(p));
  const dataSource = new DataSource(
    buildDataSourceOptions({ DATABASE_URL: PG_URL, SQLITE_PATH: DB_PATH }),
  );
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
  prototypes.forEach((p, i) => Object.defineProperties(p, saved[i]));

  // The demo stations, accounts, mediators and cases, with their audit chain, through the app.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: 'true' };
  if (PG_URL) childEnv.DATABASE_URL = PG_URL;
  else {
    childEnv.SQLITE_PATH = DB_PATH;
    delete childEnv.DATABASE_URL;
  }
  const seeded = spawnSync(process.execPath, [join(ROOT, 'dist', 'demo', 'seed-demo.cli.js')], {
    env: childEnv,
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`demo seeding failed: ${seeded.stderr}`);
  console.log('Demo data seeded through the app (accounts, 3 stations, audit chain).');

  const db: BulkTarget = PG_URL ? await PostgresTarget.open(PG_URL) : await openSqlite();
  const bulkTables = [
    'person',
    'organisation',
    'mediation_case',
    'case_party',
    'case_transition',
    'panel_member',
    'mediator',
    'mediator_station',
  ];
  // Secondary indexes go before the load and are rebuilt after it. On PostgreSQL the primary keys
  // and unique constraints stay; the foreign keys go too (writers flush their batches in any
  // order) and are added back after the load, which checks every row against its parent.
  const indexes = PG_URL
    ? await db.all<{ name: string; sql: string }>(
        `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c
             WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass
               AND c.contype IN ('p', 'u', 'x'))`,
        [bulkTables],
      )
    : await db.all<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bulkTables.map(() => '?').join(',')})`,
        bulkTables,
      );
  const foreignKeys = PG_URL
    ? await db.all<{ tbl: string; name: string; def: string }>(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
           AND conrelid::regclass::text = ANY($1)`,
        [bulkTables],
      )
    : [];
  for (const fk of foreignKeys) await db.exec(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await db.exec(`DROP INDEX "${index.name}"`);

  const loadStart = Date.now();
  const stations = await loadStations(db);
  await loadMediators(db, stations);
  const counts = await loadCases(db, stations);
  const loadSeconds = (Date.now() - loadStart) / 1000;
  console.log(
    `  rows written in ${loadSeconds.toFixed(1)} s (${Math.round(counts / loadSeconds).toLocaleString('en')} rows/s)`,
  );

  console.log(`Rebuilding ${indexes.length} indexes ...`);
  const indexStart = Date.now();
  for (const index of indexes) await db.exec(index.sql);
  console.log(`  indexes in ${((Date.now() - indexStart) / 1000).toFixed(1)} s`);
  if (foreignKeys.length) {
    const fkStart = Date.now();
    for (const fk of foreignKeys)
      await db.exec(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    console.log(
      `  ${foreignKeys.length} foreign keys added back and checked in ${((Date.now() - fkStart) / 1000).toFixed(1)} s`,
    );
  }
  // The stored workload the app maintains on every panel and lifecycle write.
  await db.exec(
    `UPDATE mediator SET active_case_count = (
       SELECT COUNT(*) FROM panel_member pm JOIN mediation_case c ON c.id = pm.case_id
       WHERE pm.mediator_id = mediator.id AND pm.removed_at IS NULL
         AND c.state IN (${OPEN_CASE_STATES.map((s) => `'${s}'`).join(', ')}))`,
  );
  // The statistics row the app keeps per case, computed from the loaded sources the app's way.
  const statisticsStart = Date.now();
  await rebuildCaseStatistics((sql) => db.exec(sql), PG_URL ? 'postgres' : 'sqlite');
  console.log(`  case statistics rows in ${((Date.now() - statisticsStart) / 1000).toFixed(1)} s`);
  if (PG_URL) {
    const analyzeStart = Date.now();
    await db.exec('ANALYZE');
    console.log(`  ANALYZE in ${((Date.now() - analyzeStart) / 1000).toFixed(1)} s`);
  } else {
    await db.exec('PRAGMA locking_mode=NORMAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;');
    await db.exec('PRAGMA journal_mode=WAL;');
    const [check] = await db.all<{ foreign_key_check?: string }>('PRAGMA foreign_key_check');
    if (check) throw new Error(`foreign key check failed: ${JSON.stringify(check)}`);
  }
  await db.close();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Done: ${CASES.toLocaleString('en')} cases, ${counts} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(CASES / seconds).toLocaleString('en')} cases/s overall) → ${TARGET_NAME}`,
  );
}

async function openSqlite(): Promise<BulkTarget> {
  const raw = new Database(DB_PATH, OPEN_READWRITE | OPEN_CREATE);
  raw.serialize();
  const db = new SqliteTarget(raw);
  await db.exec(
    `PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;
     PRAGMA cache_size=-1500000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;`,
  );
  return db;
}

/**
 * Empties the PostgreSQL database (drops and recreates the schema public), creating it first if
 * it does not exist. Only a database made for benchmarks: its name contains "bench", or --fresh
 * says that wiping it is intended.
 */
async function freshPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database');
  if (!/bench/i.test(name) && !process.argv.includes('--fresh'))
    throw new Error(
      `Refusing to wipe database "${name}": its name does not contain "bench". ` +
        'Use a database made for benchmarks, or pass --fresh to empty this one.',
    );
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
      return;
    }
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  console.log(`Emptied database ${name} (schema public dropped and recreated).`);
}

async function loadStations(db: Database): Promise<StationRow[]> {
  const existing = await db.all<{
    id: string;
    code: string;
    county_code: string;
    case_number_format: string;
  }>('SELECT id, code, county_code, case_number_format FROM station');
  const rows: StationRow[] = existing.map((s) => ({
    id: s.id,
    code: s.code,
    county: s.county_code,
    format: s.case_number_format,
    weight: s.code === 'YW-JC' ? 0.5 : 0.2,
    foreignShare: s.county_code === '330782' ? 0.7 : 0.05,
    mediators: [],
  }));
  const committeeOf = new Map<string, string>();
  for (const s of existing)
    if (s.code === 'YW-FDC' || s.code === 'HN-XS') committeeOf.set(s.county_code, s.id);
  const writer = db.writer('station', [
    'id',
    'code',
    'name_zh',
    'name_en',
    'kind',
    'county_code',
    'address',
    'parent_id',
    'case_number_format',
    'timezone',
    'panel_policy',
    'active',
    'created_at',
    'updated_at',
  ]);
  const policy = JSON.stringify({
    staffMediatorForForeignParty: true,
    everyPartyLanguageCovered: true,
    maxMediators: 3,
  });
  const at = created(START - 30 * DAY);
  for (const s of benchStations()) {
    const id = uuid();
    if (s.kind === 'mediation_committee' && !committeeOf.has(s.countyCode))
      committeeOf.set(s.countyCode, id);
    const parent =
      s.kind === 'immigration_service_station' ? (committeeOf.get(s.countyCode) ?? null) : null;
    await writer.add([
      id,
      s.code,
      s.nameZh,
      s.nameEn,
      s.kind,
      s.countyCode,
      s.address,
      parent,
      s.caseNumberFormat,
      'Asia/Shanghai',
      policy,
      1,
      at,
      at,
    ]);
    rows.push({
      id,
      code: s.code,
      county: s.countyCode,
      format: s.caseNumberFormat,
      weight: s.weight,
      foreignShare: s.foreignShare,
      mediators: [],
    });
  }
  await writer.close();
  console.log(`Stations: ${rows.length} in ${new Set(rows.map((r) => r.county)).size} counties`);
  return rows;
}

async function loadMediators(db: BulkTarget, stations: StationRow[]): Promise<void> {
  const demo = await db.all<{ station_id: string; mediator_id: string }>(
    'SELECT station_id, mediator_id FROM mediator_station',
  );
  const byId = new Map(stations.map((s) => [s.id, s]));
  for (const row of demo) byId.get(row.station_id)?.mediators.push(row.mediator_id);
  const mediators = db.writer('mediator', [
    'id',
    'kind',
    'roles',
    'name_original',
    'name_latin',
    'name_zh',
    'sex',
    'nationality',
    'languages',
    'language_codes',
    'home_region_code',
    'dialects',
    'specialties',
    'capacity',
    'status',
    'created_at',
    'updated_at',
  ]);
  const links = db.writer('mediator_station', ['station_id', 'mediator_id']);
  const kindOf = weighted([
    ['foreign', 15],
    ['native_place', 30],
    ['staff', 25],
    ['lawyer', 10],
    ['volunteer', 20],
  ] as [string, number][]);
  const byCounty = new Map<string, StationRow[]>();
  for (const s of stations) byCounty.set(s.county, [...(byCounty.get(s.county) ?? []), s]);
  const counties = [...byCounty.keys()];
  const at = created(START - 20 * DAY);
  for (let i = 0; i < MEDIATORS; i++) {
    const id = uuid();
    const kind = kindOf();
    const roles = chance(0.08)
      ? ['interpreter']
      : chance(0.05)
        ? ['mediator', 'interpreter']
        : ['mediator'];
    let nameOriginal: string;
    let nameLatin: string | null = null;
    let nameZh: string | null = null;
    let nationality = 'CN';
    let languages: { tag: string; level: string }[];
    let home: string | null = null;
    let dialects: string[] = [];
    if (kind === 'foreign' || roles[0] === 'interpreter') {
      const n = pick(NATIONALITIES);
      [nameOriginal, nameLatin] = pick(n.names);
      nationality = kind === 'foreign' ? n.code : 'CN';
      if (nationality === 'CN') {
        nameZh = pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN);
        nameOriginal = nameZh;
        nameLatin = null;
      }
      languages = [
        ...n.languages
          .slice(0, 1)
          .map((tag) => ({ tag, level: nationality === 'CN' ? 'fluent' : 'native' })),
        { tag: 'en', level: pick(['fluent', 'working']) },
        { tag: 'zh-CN', level: nationality === 'CN' ? 'native' : pick(['fluent', 'working']) },
      ];
    } else {
      nameOriginal = pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN);
      languages = [{ tag: 'zh-CN', level: 'native' }];
      if (kind === 'native_place') {
        home = pick(HOME_REGIONS);
        dialects = dialectsOfRegion(home)
          .slice(0, 1)
          .map((d) => d.code);
      } else if (chance(0.3)) languages.push({ tag: 'en', level: 'working' });
    }
    const codes = `|${[...new Set(languages.map((l) => l.tag.split('-')[0]))].join('|')}|`;
    const specialties = [pick(DISPUTE_TYPES), pick(DISPUTE_TYPES)].filter(
      (v, k, a) => a.indexOf(v) === k,
    );
    await mediators.add([
      id,
      kind,
      JSON.stringify(roles),
      nameOriginal,
      nameLatin,
      nameZh,
      chance(0.5) ? 'male' : 'female',
      nationality,
      JSON.stringify(languages),
      codes,
      home,
      JSON.stringify(dialects),
      JSON.stringify(specialties),
      between(3, 12),
      chance(0.95) ? 'active' : 'inactive',
      at,
      at,
    ]);
    const county = byCounty.get(counties[i % counties.length])!;
    const served = new Set([pick(county), pick(county), pick(county)].slice(0, between(1, 3)));
    for (const s of served) {
      await links.add([s.id, id]);
      if (roles.includes('mediator')) s.mediators.push(id);
    }
  }
  await mediators.close();
  await links.close();
  console.log(`Mediators: ${mediators.total} (+ demo), ${links.total} station links`);
}

async function loadCases(db: BulkTarget, stations: StationRow[]): Promise<number> {
  const counters = new Map<string, number>();
  for (const row of await db.all<{ station_id: string; year: number; last_sequence: number }>(
    'SELECT * FROM case_number_counter',
  ))
    counters.set(`${row.station_id}|${row.year}`, row.last_sequence);
  const stationOf = weighted(stations.map((s) => [s, s.weight] as [StationRow, number]));
  const cases = db.writer('mediation_case', [
    'id',
    'case_number',
    'station_id',
    'year',
    'sequence',
    'source',
    'received_on',
    'dispute_type',
    'tags',
    'amount_minor',
    'currency',
    'account',
    'requests',
    'risk_of_escalation',
    'police_report',
    'persons_at_risk',
    'state',
    'accepted_at',
    'due_at',
    'concluded_at',
    'closed_at',
    'created_by',
    'version',
    'created_at',
    'updated_at',
  ]);
  const parties = db.writer('case_party', [
    'id',
    'case_id',
    'role',
    'position',
    'person_id',
    'organisation_id',
    'agents',
    'consent',
    'consent_at',
    'consent_method',
    'refusal_reason',
    'rights_notice_at',
    'rights_notice_language',
    'created_at',
  ]);
  const persons = db.writer('person', [
    'id',
    'name_original',
    'name_latin',
    'name_zh',
    'search_names',
    'sex',
    'birth_year',
    'nationality',
    'home_region_code',
    'dialects',
    'ethnic_group',
    'id_document_type',
    'id_document_number',
    'id_document_hash',
    'id_document_country',
    'phone',
    'phone_hash',
    'address',
    'preferred_languages',
    'needs_interpreter',
    'occupation',
    'created_at',
    'updated_at',
  ]);
  const organisations = db.writer('organisation', [
    'id',
    'name_original',
    'name_zh',
    'name_latin',
    'search_names',
    'credit_code',
    'country',
    'legal_representative',
    'address',
    'created_at',
    'updated_at',
  ]);
  const transitions = db.writer('case_transition', [
    'id',
    'case_id',
    'event',
    'from_state',
    'to_state',
    'actor_id',
    'actor_name',
    'at',
    'reason',
    'details',
    'ordinal',
  ]);
  const panel = db.writer('panel_member', [
    'id',
    'case_id',
    'mediator_id',
    'role',
    'assigned_at',
    'assigned_by',
    'removed_at',
    'removal_reason',
    'removal_note',
  ]);
  const writers = [cases, parties, persons, organisations, transitions, panel];
  const accountJson = new Map<string, [string, string]>();
  const textsOf = (language: string): [string, string] => {
    let texts = accountJson.get(language);
    if (!texts) {
      const [account, request] = ACCOUNTS[language] ?? ACCOUNTS.en;
      const translation = (text: string) =>
        language === 'zh-CN'
          ? []
          : [{ language: 'zh-CN', text, translatedBy: '站内翻译', checked: true }];
      texts = [
        JSON.stringify({
          original: { language, text: account },
          translations: translation(ACCOUNT_ZH[0]),
        }),
        JSON.stringify({
          original: { language, text: request },
          translations: translation(ACCOUNT_ZH[1]),
        }),
      ];
      accountJson.set(language, texts);
    }
    return texts;
  };
  const organisationPool: string[] = [];
  let organisationSerial = 0;
  let personSerial = 0;

  const newPerson = async (
    foreign: Nationality | null,
    at: number,
  ): Promise<{ id: string; language: string }> => {
    const id = uuid();
    const serial = personSerial++;
    const phone = pick(PHONE_POOL);
    if (foreign) {
      const [original, latin] = pick(foreign.names);
      const type = chance(0.9) ? 'passport' : 'permanent_residence_id';
      const number = `${foreign.code}${String(serial).padStart(9, '0')}`;
      await persons.add([
        id,
        original,
        latin,
        null,
        searchNames([original, latin, null]),
        chance(0.8) ? 'male' : 'female',
        between(1960, 2002),
        foreign.code,
        null,
        '[]',
        null,
        type,
        pick(DOCUMENT_POOL),
        documentHash(type, number),
        type === 'passport' ? foreign.code : null,
        phone[0],
        phone[1],
        null,
        JSON.stringify(foreign.languages),
        1,
        pick(OCCUPATIONS),
        created(at),
        created(at),
      ]);
      return { id, language: foreign.languages[0] };
    }
    const home = pick(HOME_REGIONS);
    const name = pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN);
    const number = `${home}${between(1965, 2005)}0101${String(serial % 1000).padStart(3, '0')}${serial}`;
    await persons.add([
      id,
      name,
      null,
      null,
      searchNames([name, null, null]),
      chance(0.6) ? 'male' : 'female',
      between(1965, 2005),
      'CN',
      home,
      JSON.stringify(
        dialectsOfRegion(home)
          .slice(0, 1)
          .map((d) => d.code),
      ),
      chance(0.1) ? pick(ETHNIC_GROUPS) : null,
      'resident_id',
      pick(DOCUMENT_POOL),
      documentHash('resident_id', number),
      'CN',
      phone[0],
      phone[1],
      null,
      '["zh-CN"]',
      0,
      pick(OCCUPATIONS),
      created(at),
      created(at),
    ]);
    return { id, language: 'zh-CN' };
  };

  const organisationFor = async (at: number): Promise<string> => {
    if (organisationPool.length > 1000 && chance(0.4)) return pick(organisationPool);
    const id = uuid();
    const serial = organisationSerial++;
    const name = pick(ORG_PLACES) + pick(ORG_BRANDS) + pick(ORG_KINDS);
    const code = `9133${String(between(0, 9999)).padStart(4, '0')}MA${serial.toString(36).toUpperCase().padStart(7, '0')}X`;
    await organisations.add([
      id,
      name,
      null,
      null,
      searchNames([name, null, null]),
      code,
      'CN',
      pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN),
      null,
      created(at),
      created(at),
    ]);
    if (organisationPool.length < 50_000) organisationPool.push(id);
    else organisationPool[serial % 50_000] = id;
    return id;
  };

  const started = Date.now();
  let lastReport = started;
  await db.exec('BEGIN');
  for (let i = 0; i < CASES; i++) {
    const receivedAt = START + Math.floor(((NOW - START) * (i + random())) / CASES);
    const station = stationOf();
    const year = new Date(receivedAt).getUTCFullYear();
    const key = `${station.id}|${year}`;
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    const caseNumber = station.format
      .replace('{year}', String(year))
      .replace(/\{seq(?::(\d))?\}/, (_, width?: string) =>
        String(sequence).padStart(Number(width ?? 1), '0'),
      );
    const age = (NOW - receivedAt) / DAY;
    let state = age < 30 ? recentState() : age < 90 ? monthsState() : oldState();
    const foreign = chance(station.foreignShare) ? pick(NATIONALITIES) : null;
    const disputeType = foreign ? foreignDispute() : domesticDispute();
    const caseId = uuid();
    const applicant = await newPerson(foreign, receivedAt);
    const respondentIsOrganisation = chance(0.6);
    const respondentPerson = respondentIsOrganisation
      ? null
      : await newPerson(chance(0.1) ? pick(NATIONALITIES) : null, receivedAt);
    const respondentOrganisation = respondentIsOrganisation
      ? await organisationFor(receivedAt)
      : null;

    // The path through the lifecycle to the final state, with times.
    const path: { to: CaseState | 'panel'; reason?: string; details?: string }[] = [];
    const finalVia = state === 'closed' ? closedVia() : state;
    const early = (s: CaseState) => (s === 'withdrawn' || s === 'refused') && chance(0.5);
    if (state === 'refused' && chance(0.5))
      path.push({ to: 'refused', reason: '当事人明确拒绝调解' });
    else if (state === 'declined') path.push({ to: 'declined', reason: '不属于人民调解受理范围' });
    else if (state !== 'registered') {
      path.push({ to: 'accepted' });
      if (early(finalVia))
        path.push({
          to: finalVia,
          reason: finalVia === 'refused' ? '当事人拒绝调解' : '申请人撤回申请',
        });
      else if (finalVia !== 'accepted') {
        path.push({ to: 'panel' }, { to: 'mediating' });
        if (finalVia === 'terminated')
          path.push({ to: 'terminated', reason: '调解不成，双方分歧过大' });
        else if (finalVia === 'withdrawn') path.push({ to: 'withdrawn', reason: '双方已自行和解' });
        else if (finalVia !== 'mediating') {
          path.push({ to: 'agreement_reached' });
          if (finalVia === 'performed') path.push({ to: 'performed' });
          if (finalVia === 'not_performed')
            path.push({ to: 'not_performed', reason: '被申请人未按期履行' });
        }
      }
      if (state === 'closed') path.push({ to: 'closed' });
    }
    if (state === 'refused' && !path.some((p) => p.to === 'refused')) state = 'refused';

    const source = sourceOf();
    let at = receivedAt + between(1, 8) * 3_600_000;
    let acceptedAt: number | null = null;
    let concludedAt: number | null = null;
    let closedAt: number | null = null;
    let panelAt: number | null = null;
    let from: CaseState = 'registered';
    let ordinal = 1;
    await transitions.add([
      uuid(),
      caseId,
      'registered',
      null,
      'registered',
      null,
      null,
      stamp(at),
      null,
      JSON.stringify({ source }),
      ordinal++,
    ]);
    let version = 1;
    for (const step of path) {
      at = Math.min(
        NOW,
        at +
          (step.to === 'accepted'
            ? between(2, 72)
            : step.to === 'agreement_reached'
              ? between(48, 600)
              : step.to === 'performed' || step.to === 'not_performed'
                ? between(120, 900)
                : between(4, 240)) *
            3_600_000,
      );
      if (step.to === 'panel') {
        panelAt = at;
        await transitions.add([
          uuid(),
          caseId,
          'panel_assigned',
          null,
          null,
          null,
          null,
          stamp(at),
          null,
          '{}',
          ordinal++,
        ]);
        continue;
      }
      const to = step.to;
      if (to === 'accepted') acceptedAt = at;
      if (concludedAt === null && to !== 'accepted' && to !== 'mediating') concludedAt = at;
      if (to === 'closed' || to === 'declined' || to === 'refused') closedAt = at;
      await transitions.add([
        uuid(),
        caseId,
        'state_changed',
        from,
        to,
        null,
        null,
        stamp(at),
        step.reason ?? null,
        '{}',
        ordinal++,
      ]);
      from = to;
      version++;
    }
    const language = applicant.language;
    const [account, requests] = textsOf(language);
    const risk = chance(0.05);
    const amount =
      disputeType === 'labour' ? between(3000, 60000) * 100 : between(1000, 900000) * 100;
    const currency = foreign && chance(0.6) ? foreign.currency : 'CNY';
    const tags =
      disputeType === 'labour'
        ? ['wages']
        : [pick(TRADE_DISPUTE_TAGS), pick(TRADE_DISPUTE_TAGS)].filter(
            (v, k, a) => a.indexOf(v) === k,
          );
    await cases.add([
      caseId,
      caseNumber,
      station.id,
      year,
      sequence,
      source,
      day(receivedAt),
      disputeType,
      JSON.stringify(tags),
      chance(0.85) ? amount : null,
      currency,
      account,
      requests,
      risk ? 1 : 0,
      risk && chance(0.5)
        ? JSON.stringify({
            reportedAt: new Date(receivedAt).toISOString(),
            policeStation: '派出所',
          })
        : null,
      risk ? between(1, 12) : 0,
      state,
      acceptedAt === null ? null : stamp(acceptedAt),
      acceptedAt === null ? null : stamp(acceptedAt + 30 * DAY),
      concludedAt === null ? null : stamp(concludedAt),
      closedAt === null ? null : stamp(closedAt),
      null,
      version,
      created(receivedAt),
      created(at),
    ]);
    const accepted = acceptedAt !== null;
    const consent = state === 'refused' ? 'refused' : accepted ? 'given' : 'pending';
    const partyRow = async (
      role: string,
      position: number,
      personId: string | null,
      organisationId: string | null,
      lang: string,
    ) =>
      parties.add([
        uuid(),
        caseId,
        role,
        position,
        personId,
        organisationId,
        '[]',
        consent,
        consent === 'pending' ? null : stamp(receivedAt + 3_600_000),
        consent === 'pending' ? null : 'signed_form',
        consent === 'refused' && position === 2 ? '不同意调解' : null,
        accepted ? stamp(receivedAt + 2 * 3_600_000) : null,
        accepted ? lang : null,
        created(receivedAt),
      ]);
    await partyRow('applicant', 1, applicant.id, null, language);
    await partyRow(
      'respondent',
      2,
      respondentPerson?.id ?? null,
      respondentOrganisation,
      respondentPerson?.language ?? 'zh-CN',
    );

    if (panelAt !== null && station.mediators.length) {
      const lead = pick(station.mediators);
      await panel.add([uuid(), caseId, lead, 'lead', stamp(panelAt), null, null, null, null]);
      if (chance(0.4)) {
        const co = pick(station.mediators);
        if (co !== lead)
          await panel.add([
            uuid(),
            caseId,
            co,
            'co_mediator',
            stamp(panelAt),
            null,
            null,
            null,
            null,
          ]);
      }
    }

    if ((i + 1) % CASES_PER_TRANSACTION === 0 || i + 1 === CASES) {
      for (const w of writers) await w.flush();
      await db.drain();
      await db.exec('COMMIT');
      const now = Date.now();
      if (now - lastReport > 2000 || i + 1 === CASES) {
        lastReport = now;
        const seconds = (now - started) / 1000;
        const rss = Math.round(process.memoryUsage.rss() / 1048576);
        console.log(
          `  ${(i + 1).toLocaleString('en')} cases  ${Math.round((i + 1) / seconds).toLocaleString('en')} cases/s  ` +
            `rows: ${writers.map((w) => `${w.table}=${w.total}`).join(' ')}  rss ${rss} MB`,
        );
      }
      if (i + 1 < CASES) await db.exec('BEGIN');
    }
  }
  for (const w of writers) await w.close();

  // Gapless numbering continues after the bulk cases: the counters hold the last sequence.
  const counterWriter = db.writer('case_number_counter', ['station_id', 'year', 'last_sequence']);
  await db.exec('DELETE FROM case_number_counter');
  for (const [key, last] of counters) {
    const [stationId, year] = key.split('|');
    await counterWriter.add([stationId, Number(year), last]);
  }
  await counterWriter.close();
  return writers.reduce((s, w) => s + w.total, 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
