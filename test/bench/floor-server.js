// The floor: what this machine does for a case registration with no framework. A bare Node http
// server that parses the same JSON and writes the same rows as POST /api/v1/cases (case number from
// the counter, mediation_case, person with encrypted document and phone and their lookup hashes,
// organisation, case_party, the registered case_transition) in one transaction, through the same
// sqlite3 driver with the app's connection settings (WAL, foreign keys, busy timeout). Plain JS so
// that nothing but node runs it; the app's pure helpers come from dist/.
/* global require, __dirname, process, Buffer */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const http = require('http');
const { randomUUID } = require('crypto');
const { join } = require('path');
const sqlite3 = require('sqlite3');

const dist = join(__dirname, '..', '..', 'dist');
const { encryptField, lookupHash } = require(join(dist, 'common/personal-data/field-encryption'));
const { searchNamesOf } = require(join(dist, 'cases/name-search'));
const { formatCaseNumber } = require(join(dist, 'cases/case-number'));

const db = new sqlite3.Database(process.env.SQLITE_PATH);
const run = (sql, params) =>
  new Promise((resolve, reject) =>
    db.run(sql, params, function (error) {
      if (error) reject(error);
      else resolve(this);
    }),
  );
const get = (sql, params) =>
  new Promise((resolve, reject) =>
    db.get(sql, params, (error, row) => (error ? reject(error) : resolve(row))),
  );

// TypeORM stores Date values this way on SQLite; created_at comes from datetime('now').
const stamp = (date) => date.toISOString().replace('T', ' ').slice(0, 23);

let tail = Promise.resolve();
/** One transaction at a time on the single connection, as the app's TransactionRunner does. */
function inTransaction(work) {
  const result = tail.then(async () => {
    await run('BEGIN', []);
    try {
      const value = await work();
      await run('COMMIT', []);
      return value;
    } catch (error) {
      await run('ROLLBACK', []).catch(() => undefined);
      throw error;
    }
  });
  tail = result.catch(() => undefined);
  return result;
}

async function insertPerson(p) {
  const doc = p.identityDocument;
  const docHash = doc ? lookupHash(doc.number, doc.type) : null;
  if (docHash && (await get('SELECT id FROM person WHERE id_document_hash = ?', [docHash])))
    throw Object.assign(new Error('DUPLICATE_PERSON'), { status: 409 });
  const id = randomUUID();
  await run(
    `INSERT INTO person (id, name_original, name_latin, name_zh, search_names, sex, birth_year, nationality,
      home_region_code, dialects, ethnic_group, id_document_type, id_document_number, id_document_hash,
      id_document_country, phone, phone_hash, address, preferred_languages, needs_interpreter, occupation)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [
      id,
      p.nameOriginal,
      p.nameLatin ?? null,
      p.nameZh ?? null,
      searchNamesOf([p.nameOriginal, p.nameLatin, p.nameZh]),
      p.sex,
      p.birthYear ?? null,
      p.nationality,
      p.homeRegionCode ?? null,
      JSON.stringify(p.dialects ?? []),
      p.ethnicGroup ?? null,
      doc?.type ?? null,
      doc ? encryptField(doc.number) : null,
      docHash,
      doc?.country ?? (doc?.type === 'resident_id' ? 'CN' : null),
      p.phone ? encryptField(p.phone) : null,
      p.phone ? lookupHash(p.phone, 'phone') : null,
      p.address ?? null,
      JSON.stringify(p.preferredLanguages),
      (p.needsInterpreter ?? !p.preferredLanguages.some((l) => l.startsWith('zh'))) ? 1 : 0,
      p.occupation ?? null,
    ],
  );
  return id;
}

async function insertOrganisation(o) {
  if (
    o.creditCode &&
    (await get('SELECT id FROM organisation WHERE credit_code = ?', [o.creditCode]))
  )
    throw Object.assign(new Error('DUPLICATE_ORGANISATION'), { status: 409 });
  const id = randomUUID();
  await run(
    `INSERT INTO organisation (id, name_original, name_zh, name_latin, search_names, credit_code, country,
      legal_representative, address) VALUES (?,?,?,?,?,?,?,?,?)`,
    [
      id,
      o.nameOriginal,
      o.nameZh ?? null,
      o.nameLatin ?? null,
      searchNamesOf([o.nameOriginal, o.nameZh, o.nameLatin]),
      o.creditCode ?? null,
      o.country,
      o.legalRepresentative ?? null,
      o.address ?? null,
    ],
  );
  return id;
}

async function register(dto) {
  const station = await get('SELECT id, case_number_format, active FROM station WHERE id = ?', [
    dto.stationId,
  ]);
  if (!station || !station.active)
    throw Object.assign(new Error('unknown station'), { status: 400 });
  const year = Number(dto.receivedOn.slice(0, 4));
  await run(
    'INSERT OR IGNORE INTO case_number_counter (station_id, year, last_sequence) VALUES (?,?,0)',
    [station.id, year],
  );
  await run(
    'UPDATE case_number_counter SET last_sequence = last_sequence + 1 WHERE station_id = ? AND year = ?',
    [station.id, year],
  );
  const { last_sequence: sequence } = await get(
    'SELECT last_sequence FROM case_number_counter WHERE station_id = ? AND year = ?',
    [station.id, year],
  );
  const id = randomUUID();
  const caseNumber = formatCaseNumber(station.case_number_format, year, sequence);
  const money = dto.amountInDispute;
  await run(
    `INSERT INTO mediation_case (id, case_number, station_id, year, sequence, source, received_on, dispute_type, tags,
      amount_minor, currency, account, requests, risk_of_escalation, police_report, persons_at_risk, state, version)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [
      id,
      caseNumber,
      station.id,
      year,
      sequence,
      dto.source,
      dto.receivedOn,
      dto.disputeType,
      JSON.stringify(dto.tags ?? []),
      money ? String(Math.round(Number(money.amount) * 100)) : null,
      money?.currency ?? null,
      JSON.stringify(dto.account),
      JSON.stringify(dto.requests),
      dto.risk?.escalationRisk ? 1 : 0,
      dto.risk?.policeReport ? JSON.stringify(dto.risk.policeReport) : null,
      dto.risk?.personsAtRisk ?? 0,
      'registered',
      1,
    ],
  );
  const order = { applicant: 0, respondent: 1, third_party: 2 };
  const parties = [...dto.parties].sort((a, b) => order[a.role] - order[b.role]);
  let position = 1;
  for (const party of parties) {
    const personId = party.person ? await insertPerson(party.person) : null;
    const organisationId = personId ? null : await insertOrganisation(party.organisation);
    await run(
      `INSERT INTO case_party (id, case_id, role, position, person_id, organisation_id, agents, consent, consent_at,
        consent_method, refusal_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      [
        randomUUID(),
        id,
        party.role,
        position++,
        personId,
        organisationId,
        JSON.stringify(party.agents ?? []),
        party.consent?.decision ?? 'pending',
        party.consent ? stamp(new Date()) : null,
        party.consent?.method ?? null,
        party.consent?.decision === 'refused' ? party.consent.reason : null,
      ],
    );
  }
  const last = await get('SELECT MAX(ordinal) AS max FROM case_transition WHERE case_id = ?', [id]);
  await run(
    `INSERT INTO case_transition (id, case_id, event, from_state, to_state, actor_id, actor_name, at, reason, details, ordinal)
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    [
      randomUUID(),
      id,
      'registered',
      null,
      'registered',
      null,
      null,
      stamp(new Date()),
      null,
      JSON.stringify({ source: dto.source }),
      Number(last?.max ?? 0) + 1,
    ],
  );
  return { id, caseNumber, state: 'registered' };
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/v1/cases') {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
    return res.end('{}');
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let dto;
    try {
      dto = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end('{"code":"MALFORMED_JSON"}');
    }
    inTransaction(() => register(dto)).then(
      (body) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      (error) => {
        res.writeHead(error.status ?? 500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: error.message }));
      },
    );
  });
});

db.serialize(() => {
  db.run('PRAGMA foreign_keys = ON');
  db.run('PRAGMA journal_mode = WAL');
  db.run('PRAGMA busy_timeout = 10000', () => {
    db.parallelize();
    server.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
  });
});
process.on('SIGTERM', () => server.close(() => db.close(() => process.exit(0))));
