import fc from 'fast-check';

/**
 * Generators of malformed request bodies for the hostile-input test. Every body they make is
 * invalid by construction (garbage bytes, a wrong shape, or a valid body with a key no DTO
 * declares), so the only right answer is a 4xx in our error shape, with nothing written.
 */

/** A request as the wire will carry it. */
export interface HostileRequest {
  kind: string;
  body: Buffer;
  contentType: string | undefined;
}

const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE mediation_case; --',
  '\'); DELETE FROM "user"; --',
  '" OR ""="',
  "%' AND 1=1 --",
  '1\' UNION SELECT password_hash FROM "user" --',
  "admin'--",
  '\\',
  "'",
];
const SCRIPT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: x=1',
];
const TRICKY_TEXT = [
  '\uD800',
  'a\uDC00b',
  '\uDBFF\uDBFF',
  '👨‍👩‍👧‍👦',
  '🇾🇪🏳️‍🌈',
  'e\u0301',
  'Z' + '\u0336\u0321\u031B\u0316'.repeat(200),
  '\u202Eevil.exe',
  '\u2066isolated\u2069',
  'a\u200Bb',
  '\uFEFF',
  '\u061C',
  '١٢٣',
  'NaN',
  'Infinity',
  '1e309',
  '-0',
  '0x1F',
  '',
  ' ',
];

/** Strings an attacker or a broken client sends. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL, ...SCRIPT, ...TRICKY_TEXT),
  // UTF-16 code units, lone surrogates included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .tuple(
      fc.constantFrom('x', 'é', '😀', 'e\u0301', "'", '<'),
      fc.integer({ min: 201, max: 60_000 }),
    )
    .map(([s, n]) => s.repeat(n)),
);

const NESTED = '"\u0000__NESTED__"';

/** Any JSON-able value of the wrong kind, hostile strings and deep nesting among them. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 53 + 1, 1e308, -1e308, 0.1, 1.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant(NESTED),
);

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Keys no DTO declares; one always ends up in a mutated body, so it can never be valid. */
const UNKNOWN_KEYS = fc.oneof(
  fc.constantFrom('isAdmin', 'role ', '$where', "x' OR 1=1", '<b>', 'id;', 'passwordHash', 'Ä'),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function objectsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...objectsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    out.push(prefix);
    for (const [k, v] of Object.entries(value)) out.push(...objectsOf(v, [...prefix, k]));
  }
  return out;
}

function at(root: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string], root);
}

function setAt(root: Json, path: (string | number)[], value: Json): void {
  const parent = at(root, path.slice(0, -1)) as Record<string, Json>;
  parent[path[path.length - 1] as string] = value;
}

/** Serialises, then puts raw text the JSON serializer cannot produce (deep nesting, prototype keys). */
function render(value: unknown, depth: number, prototypeKey: string | null): string {
  let text = JSON.stringify(value) ?? 'null';
  const nested =
    '['.repeat(depth) + '{"a":' + '['.repeat(depth) + ']'.repeat(depth) + '}' + ']'.repeat(depth);
  text = text.split(JSON.stringify(NESTED)).join(nested);
  if (prototypeKey && text.startsWith('{')) {
    const payload =
      prototypeKey === 'constructor'
        ? '{"prototype":{"polluted":"yes","isAdmin":true}}'
        : '{"polluted":"yes","isAdmin":true}';
    text = `{"${prototypeKey}":${payload}${text === '{}' ? '' : ','}${text.slice(1)}`;
  }
  return text;
}

const json = (text: string, contentType = 'application/json'): HostileRequest => ({
  kind: 'json',
  body: Buffer.from(text, 'utf8'),
  contentType,
});

/** A valid body, changed so that it is hostile in one place and invalid for certain in another. */
export function mutatedBody(seed: Record<string, unknown>): fc.Arbitrary<HostileRequest> {
  const paths = pathsOf(seed as Json);
  const objects = objectsOf(seed as Json);
  return fc
    .record({
      path: fc.nat(),
      value: hostileValue,
      target: fc.nat(),
      key: UNKNOWN_KEYS,
      extra: hostileValue,
      depth: fc.integer({ min: 1, max: 3000 }),
      prototypeKey: fc.option(fc.constantFrom(...PROTOTYPE_KEYS), { freq: 3 }),
    })
    .map(({ path, value, target, key, extra, depth, prototypeKey }) => {
      const body = structuredClone(seed) as Json;
      if (paths.length) setAt(body, paths[path % paths.length], value as Json);
      // The key goes into an object that still exists after the replacement.
      const live = objectsOf(body);
      const where = live.length ? live[target % live.length] : objects[0];
      const node = at(body, where ?? []) as Record<string, Json>;
      node[key] = extra as Json;
      return { ...json(render(body, depth, prototypeKey)), kind: 'mutated' };
    });
}

/** Bytes that are not JSON, not UTF-8, or not what the Content-Type says. */
export const garbageRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({
    kind: 'bytes',
    body: Buffer.from(bytes),
    contentType: 'application/json',
  })),
  fc
    .tuple(
      fc.constantFrom(
        [0xff, 0xfe],
        [0xc0, 0xaf],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
        [0x80],
        [0xf4, 0x90, 0x80, 0x80],
      ),
      fc.constantFrom('nameOriginal', 'username', 'to', 'code', 'text'),
    )
    .map(([bytes, field]) => ({
      kind: 'invalid-utf8',
      body: Buffer.concat([Buffer.from(`{"${field}":"a`), Buffer.from(bytes), Buffer.from('b"}')]),
      contentType: 'application/json',
    })),
  fc
    .constantFrom(
      '{',
      '{"a":',
      '{"a":1,}',
      "{'a':1}",
      'null',
      '"text"',
      '123',
      'true',
      '[]',
      '[{}]',
      '{"a":NaN}',
      '{"a":1e99999}',
      '\uFEFF{"a":1}',
      '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
    )
    .map((text) => ({ ...json(text), kind: 'broken-json' })),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/xml',
      ),
      fc.constantFrom('{"a":1}', 'a=1&a=2&__proto__[x]=1', '<a/>', '--x\r\n\r\n--x--'),
    )
    .map(([contentType, text]) => ({ ...json(text, contentType), kind: 'content-type' })),
  fc.integer({ min: 2_000, max: 200_000 }).map((depth) => ({
    ...json('['.repeat(depth) + ']'.repeat(depth)),
    kind: 'deep-array',
  })),
  fc.integer({ min: 1_100_000, max: 1_300_000 }).map((size) => ({
    ...json(`{"a":"${'x'.repeat(size)}"}`),
    kind: 'too-large',
  })),
);

/** Random JSON documents with hostile keys and values; objects carry a key no DTO declares. */
export const randomDocument: fc.Arbitrary<HostileRequest> = fc
  .record({
    value: fc.oneof(
      fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_KEYS)), hostileValue, {
        maxKeys: 6,
      }),
      fc.array(hostileValue, { maxLength: 4 }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.anything({ maxDepth: 3, withNullPrototype: true }),
    ),
    key: UNKNOWN_KEYS,
    depth: fc.integer({ min: 1, max: 3000 }),
    prototypeKey: fc.option(fc.constantFrom(...PROTOTYPE_KEYS), { freq: 2 }),
  })
  .map(({ value, key, depth, prototypeKey }) => {
    let document: unknown = value;
    if (value && typeof value === 'object' && !Array.isArray(value))
      document = { ...(value as object), [key]: 'x' };
    return { ...json(render(document, depth, prototypeKey)), kind: 'random-json' };
  });

/** The mix sent to one route: mostly mutations of its valid body when it has one. */
export function hostileRequests(
  seed: Record<string, unknown> | undefined,
): fc.Arbitrary<HostileRequest> {
  return seed
    ? fc.oneof(
        { weight: 5, arbitrary: mutatedBody(seed) },
        { weight: 2, arbitrary: randomDocument },
        { weight: 2, arbitrary: garbageRequest },
      )
    : fc.oneof({ weight: 3, arbitrary: randomDocument }, { weight: 2, arbitrary: garbageRequest });
}

/** A path parameter: a real id, a random UUID, or something that is not an id at all. */
export function pathValue(real: string | undefined): fc.Arbitrary<string> {
  const others = fc.oneof(
    fc.uuid(),
    hostileString.map((s) => encodeURIComponent(s.slice(0, 300).toWellFormed()) || '%20'),
    fc.constantFrom('..', '%2e%2e', '%00', '1', '-1', "1'%20OR%20'1'%3D'1", '%E0%A4%A'),
  );
  return real
    ? fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 2, arbitrary: others })
    : others;
}
