// Hostile requests for every route, built from its OpenAPI schemas with
// fast-check: valid example bodies first (drawn from the schema, and from
// pools of values that exist in the fuzzed world so requests get past the
// lookups), then mutated: fields dropped, duplicated, retyped; huge strings,
// deep nesting, edge numbers, unicode, prototype keys, invalid UTF-8; wrong
// content types, garbage credentials and headers, garbage query strings and
// path parameters.
import fc from 'fast-check';
import type { JsonSchema, Method, Route } from './routes.js';

/** Values that exist in the fuzzed world: requests built from them reach past "not found". */
export interface Pools {
  usernames: string[];
  emails: string[];
  passwords: string[];
  ids: number[];
  keys: string[];
  codes: string[];
  /** B reset links and C reset tokens: `<userId>.<32 characters>`. */
  resetTokens: string[];
}

export interface HostileRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What is hostile about it (empty for a valid request), for reports. */
  hostile: string[];
  /** The URL's path parameters were mutated: the request may reach another route, or none. */
  pathMutated: boolean;
}

/** How the request authenticates; the fuzz world supplies the token. */
export interface Credentials {
  /** A live access token of the fuzzing user. */
  token: () => string;
}

const BODY_LIMIT = 96 * 1024;

// ---------------------------------------------------------------- valid values

/**
 * Any UTF-16 code unit, lone surrogates included. (fast-check's own 'binary' and
 * 'grapheme' units build a lookup table of every code point, ~60 MiB that would
 * hide a real leak in the heap measurement.)
 */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Printable text, with some non-ASCII: what a person types. */
const anyCharacter = fc.oneof(
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 8 },
  { arbitrary: fc.constantFrom('é', 'ß', 'ж', '名', '🎉', '\u200b', ' '), weight: 2 },
);

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,14}[a-z0-9]$/).filter((s) => !s.includes('..'));
const emailArb = fc.tuple(localPart, fc.constantFrom('example.com', 'example.org', 'mail.example.net')).map(([l, d]) => `${l}@${d}`);

function lengthBounded(arb: fc.Arbitrary<string>, schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  return arb.filter((s) => s.length >= min && s.length <= max);
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') return emailArb;
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    // Padding to the minimum length with a character the pattern allows keeps the filter cheap.
    return lengthBounded(
      fc.stringMatching(re).map((s) => {
        const min = schema.minLength ?? 0;
        if (s.length >= min) return s.slice(0, schema.maxLength ?? s.length);
        const padded = s + 'a'.repeat(min - s.length);
        return re.test(padded) ? padded : s;
      }),
      schema,
    );
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  return fc.string({ minLength: min, maxLength: max, unit: anyCharacter }).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
}

/** Field names whose values come from the world's pools most of the time. */
function pooled(name: string, schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> | null {
  const from = <T>(values: T[]) => (values.length > 0 ? fc.constantFrom(...values) : null);
  switch (name) {
    case 'username':
      return from(pools.usernames);
    case 'email':
      return from(pools.emails);
    case 'password':
    case 'new_password':
    case 'new_passoword':
      return from(pools.passwords);
    case 'otp':
    case 'code':
      if (schema.type === 'integer') return from(pools.codes.map(Number));
      return from(pools.codes);
    case 'key':
      return from(pools.keys);
    case 'id':
    case 'productId':
      return schema.type === 'integer' || schema.type === undefined ? from(pools.ids) : from(pools.ids.map(String));
    case 'token':
      return from(pools.resetTokens);
    default:
      return null;
  }
}

/** A value the schema accepts (most of the time: patterns and formats are approximated). */
export function validValue(schema: JsonSchema | undefined, pools: Pools, name = ''): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0 || (schema.type === undefined && !schema.anyOf && !schema.oneOf && !schema.enum && !schema.properties)) {
    return fc.jsonValue({ maxDepth: 2 });
  }
  const fromPool = pooled(name, schema, pools);
  const own = schemaValue(schema, pools);
  return fromPool ? fc.oneof({ arbitrary: fromPool, weight: 3 }, { arbitrary: own, weight: 1 }) : own;
}

function schemaValue(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => validValue(s, pools)));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1_000_000, -1_000_000_000), max: Math.min(schema.maximum ?? 1_000_000, 1_000_000_000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items, pools), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const names = Object.keys(properties);
      if (names.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const n of names) model[n] = validValue(properties[n], pools, n);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((n) => n in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------- mutations

/** A body as sent: JSON text, raw bytes, and the content type (null: no header). */
interface Body {
  payload: string | Buffer;
  contentType: string | null;
}

const json = (payload: string): Body => ({ payload, contentType: 'application/json' });

const nested = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

/** Raw JSON text of an object with one field set to raw JSON text (or the object itself when it has no fields). */
function withRawField(example: Record<string, unknown>, field: string, raw: string): string {
  const rest = { ...example };
  delete rest[field];
  const inner = JSON.stringify(rest).slice(1, -1);
  return `{${inner}${inner ? ',' : ''}${JSON.stringify(field)}:${raw}}`;
}

const UNICODE = [
  'héllo wörld',
  '名前テスト',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  '🎉🔥💩👨‍👩‍👧‍👦',
  'раураl', // Cyrillic look-alikes
  'nul\u0000byte',
  'line\r\nbreak',
  '\u0007\u001b[31mansi',
  '%s%n%x{{7*7}}${7*7}',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
];

const RAW_NUMBERS = ['1e400', '-1e400', '-0', '0.5', '1e21', '9007199254740993', '1e-400', '0e0', '-1', '123456.0', '1E2'];
const NUMBERISH = ['NaN', 'Infinity', '-Infinity', '-0', '1e3', '0x10', ' 1 ', '١٢٣', '1_000', ''];
const RETYPED: unknown[] = [123, -1, 1.5, true, false, null, [], {}, ['x'], { a: 'b' }, '', ' ', '123', 0];
const NOT_OBJECTS = ['null', '[]', '"str"', '123', 'true', '[{}]', '[null]'];
const MALFORMED = [
  '',
  ' ',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}garbage',
  '{"a":1}{"b":2}',
  '/*c*/{}',
  '\uFEFF{}',
  '{"a":1\u0000}',
  'NaN',
  '{"a":undefined}',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"}',
  '{"a" 1}',
];
const INVALID_UTF8: number[][] = [
  [0xff, 0xfe],
  [0xc3],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

export interface BodyMutation {
  name: string;
  /** Applied to each field in turn (else to the body as a whole). */
  perField: boolean;
  /** How many variants it has (the sweep tries each). */
  variants: number;
  apply(example: Record<string, unknown>, field: string, variant: number): Body;
}

const pickOf = <T>(list: T[], i: number): T => list[i % list.length]!;

const CONTENT_TYPES: (string | null)[] = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonp',
  'APPLICATION/JSON',
  'application/json;;;',
  '',
  'application/json, text/html',
  '*/*',
  'application/vnd.api+json',
  'text/html',
  'application/xml',
];

const EXTRA_FIELDS: Record<string, number> = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i]));

export const BODY_MUTATIONS: BodyMutation[] = [
  {
    name: 'drop a field',
    perField: true,
    variants: 1,
    apply(example, field) {
      const copy = { ...example };
      delete copy[field];
      return json(JSON.stringify(copy));
    },
  },
  { name: 'empty object', perField: false, variants: 1, apply: () => json('{}') },
  {
    name: 'duplicate a field',
    perField: true,
    variants: 2 * RETYPED.length,
    apply(example, field, variant) {
      const other = JSON.stringify(pickOf(RETYPED, variant >> 1));
      // Either copy may be the one JSON.parse keeps.
      const first = `{${JSON.stringify(field)}:${other},${JSON.stringify(example).slice(1)}`.replace(',}', '}');
      const last = withRawField(example, field, JSON.stringify(example[field] ?? null)).replace(/}$/, `,${JSON.stringify(field)}:${other}}`);
      return json(variant % 2 === 0 ? first : last);
    },
  },
  {
    name: 'retype a field',
    perField: true,
    variants: RETYPED.length,
    apply: (example, field, variant) => json(JSON.stringify({ ...example, [field]: pickOf(RETYPED, variant) })),
  },
  { name: 'huge string', perField: true, variants: 1, apply: (example, field) => json(JSON.stringify({ ...example, [field]: 'x'.repeat(90_000) })) },
  {
    name: 'huge unicode string',
    perField: true,
    variants: 1,
    apply: (example, field) => json(JSON.stringify({ ...example, [field]: '🎉'.repeat(20_000) })),
  },
  {
    name: 'body over the limit',
    perField: false,
    variants: 1,
    apply: (example) => json(JSON.stringify({ ...example, padding: 'x'.repeat(BODY_LIMIT + 10) })),
  },
  {
    name: 'unicode',
    perField: true,
    variants: UNICODE.length,
    apply: (example, field, variant) => json(JSON.stringify({ ...example, [field]: pickOf(UNICODE, variant) })),
  },
  { name: 'lone surrogates', perField: true, variants: 1, apply: (example, field) => json(withRawField(example, field, '"a\\ud800b\\udfff"')) },
  {
    name: '10,000 nested arrays in a field',
    perField: true,
    variants: 1,
    apply: (example, field) => json(withRawField(example, field, nested(10_000, '[', ']'))),
  },
  {
    name: '10,000 nested objects in a field',
    perField: true,
    variants: 1,
    apply: (example, field) => json(withRawField(example, field, nested(10_000, '{"a":', '}', '1'))),
  },
  { name: '10,000 nested arrays as the body', perField: false, variants: 1, apply: () => json(nested(10_000, '[', ']')) },
  { name: '40,000 nested arrays as the body', perField: false, variants: 1, apply: () => json(nested(40_000, '[', ']')) },
  {
    name: 'edge number',
    perField: true,
    variants: RAW_NUMBERS.length,
    apply: (example, field, variant) => json(withRawField(example, field, pickOf(RAW_NUMBERS, variant))),
  },
  {
    name: 'number-like string',
    perField: true,
    variants: NUMBERISH.length,
    apply: (example, field, variant) => json(JSON.stringify({ ...example, [field]: pickOf(NUMBERISH, variant) })),
  },
  {
    name: '__proto__ key',
    perField: false,
    variants: 1,
    apply: (example) => json(`{"__proto__":{"isAdmin":true,"userId":1},${JSON.stringify(example).slice(1)}`.replace(',}', '}')),
  },
  {
    name: 'constructor.prototype key',
    perField: false,
    variants: 1,
    apply: (example) => json(`{"constructor":{"prototype":{"isAdmin":true}},${JSON.stringify(example).slice(1)}`.replace(',}', '}')),
  },
  {
    name: '__proto__ in a field',
    perField: true,
    variants: 1,
    apply: (example, field) => json(withRawField(example, field, '{"__proto__":{"polluted":1}}')),
  },
  { name: 'not an object', perField: false, variants: NOT_OBJECTS.length, apply: (_e, _f, variant) => json(pickOf(NOT_OBJECTS, variant)) },
  { name: 'malformed JSON', perField: false, variants: MALFORMED.length, apply: (_e, _f, variant) => json(pickOf(MALFORMED, variant)) },
  {
    name: 'invalid UTF-8',
    perField: true,
    variants: INVALID_UTF8.length,
    apply(example, field, variant) {
      const marker = 'INVALID-UTF8-MARKER';
      const [before, after] = JSON.stringify({ ...example, [field]: `a${marker}b` }).split(marker);
      const bad = Buffer.from(pickOf(INVALID_UTF8, variant));
      return { payload: Buffer.concat([Buffer.from(before ?? ''), bad, Buffer.from(after ?? '')]), contentType: 'application/json' };
    },
  },
  { name: '5,000 extra fields', perField: false, variants: 1, apply: (example) => json(JSON.stringify({ ...EXTRA_FIELDS, ...example })) },
  {
    name: 'mass assignment fields',
    perField: false,
    variants: 1,
    apply: (example) =>
      json(JSON.stringify({ ...example, userId: 1, id: 1, isAdmin: true, role: 'admin', owner: 1, status: 'cancelled', verified: true })),
  },
  {
    name: 'wrong content type',
    perField: false,
    variants: CONTENT_TYPES.length,
    apply: (example, _f, variant) => ({ payload: JSON.stringify(example), contentType: pickOf(CONTENT_TYPES, variant) }),
  },
  {
    name: 'form-encoded body',
    perField: false,
    variants: 1,
    apply: (example) => ({
      payload: new URLSearchParams(Object.entries(example).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])).toString(),
      contentType: 'application/x-www-form-urlencoded',
    }),
  },
];

// ---------------------------------------------------------------- headers, query, path

export function authorisationVariants(token: string): string[] {
  return [
    'Bearer',
    'Bearer ',
    `bearer ${token}`,
    `Bearer ${token} extra`,
    `Bearer ${token},Bearer ${token}`,
    'Basic dXNlcjpwYXNzd29yZA==',
    `Bearer ${'A'.repeat(12_000)}`,
    'Bearer a.b.c',
    'Bearer ..',
    `Bearer ${token.split('.').slice(0, 2).join('.')}.`,
    `Bearer ${token.slice(0, -3)}AAA`,
    'Token abc',
    `Bearer\t${token}`,
    `Bearer ${token}\u00e9`,
    'Bearer null',
    'Bearer undefined',
    'Bearer {"sub":"1"}',
    token,
  ];
}

const GARBAGE_HEADERS: Record<string, string>[] = [
  { cookie: `sessionId=${'x'.repeat(8000)}` },
  { cookie: 'sessionId=;;;==; sessionId=a' },
  { authentication: 'Bearer ' + 'B'.repeat(5000) },
  { authentication: '1.' + 'A'.repeat(32) },
  { 'if-match': '"\u00ff\u00fe", W/"1", *, "99999999999999999999"' },
  { 'if-match': '*' },
  { 'x-request-id': 'r'.repeat(10_000) },
  { 'x-forwarded-for': '1.2.3.4, ::1, <script>' },
  { 'accept-encoding': 'gzip, deflate, br, zstd, ' + 'x'.repeat(2000) },
  { accept: 'text/html' },
  { 'x-huge': 'h'.repeat(14_000) },
];

const QUERY_GARBAGE = [
  'page=0',
  'page=-1',
  'page=1.5',
  'page=1e3',
  'page=0x10',
  'page=%20',
  'page=',
  'page=abc',
  'page=99999999999999999999',
  'page=9007199254740992',
  'page=1&page=2',
  'page[]=1',
  'page[a]=1',
  'limit=101',
  'limit=0',
  'limit=NaN',
  'limit=%00',
  'limit=1&limit=1',
  '%zz=1',
  `${'a'.repeat(8000)}=1`,
  Array.from({ length: 500 }, (_, i) => `x${i}=1`).join('&'),
  '__proto__=1',
  '__proto__[isAdmin]=1',
  'constructor[prototype][x]=1',
  'page=%D9%A1',
  'page=1%00',
  '&&&==&',
  'limit=%F0%9F%92%A9',
];

/** Path parameter values; `raw` ones are put into the URL as they are (not encoded). */
const PATH_GARBAGE: { value: string; raw?: boolean }[] = [
  { value: '0' },
  { value: '-1' },
  { value: '1.5' },
  { value: '1e3' },
  { value: '0x10' },
  { value: ' 1' },
  { value: '+1' },
  { value: '007' },
  { value: '99999999999999999999' },
  { value: '9007199254740992' },
  { value: 'x'.repeat(1025) },
  { value: 'y'.repeat(4000) },
  { value: '..', raw: true },
  { value: '.', raw: true },
  { value: '%2e%2e', raw: true },
  { value: '../..', raw: true },
  { value: '..%2F..%2Fhealth', raw: true },
  { value: '%00', raw: true },
  { value: '%', raw: true },
  { value: '%E0%A4%A', raw: true },
  { value: '%C0%AF', raw: true },
  { value: 'ключ' },
  { value: '💩' },
  { value: 'a b' },
  { value: 'a;b', raw: true },
  { value: '%2F', raw: true },
  { value: 'null' },
  { value: '__proto__' },
  { value: 'constructor' },
  { value: '1/cancel', raw: true },
  { value: '1?x=1', raw: true },
  { value: '1#frag', raw: true },
];

// ---------------------------------------------------------------- requests

function pathValue(param: { name: string; schema: JsonSchema }, pools: Pools): fc.Arbitrary<string> {
  if (param.name === 'key') return fc.oneof(fc.constantFrom(...(pools.keys.length ? pools.keys : ['k'])), validString(param.schema));
  if (param.name === 'token') return fc.oneof(fc.constantFrom(...(pools.resetTokens.length ? pools.resetTokens : ['1.x'])), validString(param.schema));
  if (param.schema.type === 'integer') return fc.oneof(fc.constantFrom(...pools.ids.map(String)), fc.integer({ min: 1, max: 10_000 }).map(String));
  return validString(param.schema);
}

interface Parts {
  path: { values: Record<string, string>; garbage: { value: string; raw?: boolean } | null };
  query: string | null;
  auth: { kind: 'token' | 'none' | 'variant'; variant: number };
  extraHeaders: Record<string, string> | null;
  body: {
    kind: 'valid' | 'mutated' | 'none' | 'random-text' | 'random-bytes';
    example: Record<string, unknown>;
    mutation: number;
    field: number;
    variant: number;
    text: string;
    bytes: Uint8Array;
  };
}

/** The field a mutation works on: one of the example's, or a made-up one when it has none. */
function fieldAt(example: Record<string, unknown>, i: number): string {
  const names = Object.keys(example);
  return names.length === 0 ? 'value' : names[i % names.length]!;
}

function assemble(route: Route, parts: Parts, credentials: Credentials): HostileRequest {
  const hostile: string[] = [];
  const garbage = parts.path.garbage;
  const garbled = garbage ? (route.params.find((p) => p.in === 'path')?.name ?? null) : null;
  let url = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (garbage && name === garbled) return garbage.raw ? garbage.value : encodeURIComponent(garbage.value);
    return encodeURIComponent(parts.path.values[name] ?? '1');
  });
  if (garbage) hostile.push(`path ${garbled}=${JSON.stringify(garbage.value.slice(0, 40))}`);
  if (parts.query !== null) {
    url += `?${parts.query}`;
    hostile.push(`query ${parts.query.slice(0, 40)}`);
  }
  const headers: Record<string, string> = {};
  const token = credentials.token();
  if (parts.auth.kind === 'token') headers.authorization = `Bearer ${token}`;
  if (parts.auth.kind === 'variant') {
    const v = pickOf(authorisationVariants(token), parts.auth.variant);
    headers.authorization = v;
    hostile.push(`authorization ${JSON.stringify(v.slice(0, 30))}`);
  }
  if (parts.auth.kind === 'none' && route.protected) hostile.push('no token');
  if (parts.extraHeaders) {
    Object.assign(headers, parts.extraHeaders);
    hostile.push(`headers ${Object.keys(parts.extraHeaders).join(',')}`);
  }
  let payload: string | Buffer | undefined;
  const b = parts.body;
  switch (b.kind) {
    case 'valid':
      payload = JSON.stringify(b.example);
      headers['content-type'] = 'application/json';
      break;
    case 'mutated': {
      const mutation = pickOf(BODY_MUTATIONS, b.mutation);
      const field = fieldAt(b.example, b.field);
      const body = mutation.apply(b.example, field, b.variant % mutation.variants);
      payload = body.payload;
      if (body.contentType !== null) headers['content-type'] = body.contentType;
      hostile.push(`body: ${mutation.name}${mutation.perField ? ` (${field})` : ''}${mutation.variants > 1 ? ` #${b.variant % mutation.variants}` : ''}`);
      break;
    }
    case 'random-text':
      payload = b.text;
      headers['content-type'] = 'application/json';
      hostile.push('body: random text');
      break;
    case 'random-bytes':
      payload = Buffer.from(b.bytes);
      headers['content-type'] = 'application/json';
      hostile.push('body: random bytes');
      break;
    case 'none':
      if (route.body) hostile.push('body: none');
      break;
  }
  return { method: route.method, url, headers, ...(payload === undefined ? {} : { payload }), hostile, pathMutated: garbage !== null };
}

/** Random hostile (and some valid) requests for one route. */
export function requestsFor(route: Route, pools: Pools, credentials: Credentials): fc.Arbitrary<HostileRequest> {
  const pathParams = route.params.filter((p) => p.in === 'path');
  const values: Record<string, fc.Arbitrary<string>> = {};
  for (const p of pathParams) values[p.name] = pathValue(p, pools);
  const example = exampleArbitrary(route, pools);
  const weighted = <T>(...options: [T, number][]) => fc.oneof(...options.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
  const parts: fc.Arbitrary<Parts> = fc.record({
    path: fc.record({
      values: fc.record(values),
      garbage:
        pathParams.length > 0
          ? fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...PATH_GARBAGE), weight: 1 })
          : fc.constant(null),
    }),
    query: fc.oneof(
      { arbitrary: fc.constant(null), weight: 5 },
      { arbitrary: fc.constantFrom(...QUERY_GARBAGE), weight: 1 },
      { arbitrary: fc.webQueryParameters(), weight: 1 },
    ),
    auth: fc.record({
      kind: route.protected ? weighted<Parts['auth']['kind']>(['token', 6], ['none', 1], ['variant', 1]) : weighted<Parts['auth']['kind']>(['none', 5], ['variant', 1]),
      variant: fc.nat(),
    }),
    extraHeaders: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom(...GARBAGE_HEADERS), weight: 1 }),
    body: fc.record({
      kind: route.body
        ? weighted<Parts['body']['kind']>(['valid', 3], ['mutated', 6], ['random-text', 1], ['random-bytes', 1], ['none', 1])
        : weighted<Parts['body']['kind']>(['none', 6], ['mutated', 1]),
      example,
      mutation: fc.nat(),
      field: fc.nat(),
      variant: fc.nat(),
      text: fc.string({ maxLength: 200, unit: codeUnit }),
      bytes: fc.uint8Array({ maxLength: 200 }),
    }),
  });
  return parts.map((p) => assemble(route, p, credentials));
}

/** A valid example body for the route (an object; {} for routes without a body). */
export function exampleArbitrary(route: Route, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  if (!route.body) return fc.constant({});
  return validValue(route.body, pools).map((v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
  );
}

/**
 * Every mutation on every part of the route (deterministic): each variant
 * once and each field at least once, variants rotating over the fields. The
 * random runs may miss some on a given route; this sweep does not.
 */
export function sweepFor(route: Route, pools: Pools, credentials: Credentials, example: Record<string, unknown>): HostileRequest[] {
  const pathValues: Record<string, string> = {};
  for (const p of route.params.filter((q) => q.in === 'path')) {
    pathValues[p.name] = p.name === 'key' ? (pools.keys[0] ?? 'k') : p.name === 'token' ? (pools.resetTokens[0] ?? '1.x') : String(pools.ids[0] ?? 1);
  }
  const base: Parts = {
    path: { values: pathValues, garbage: null },
    query: null,
    auth: { kind: route.protected ? 'token' : 'none', variant: 0 },
    extraHeaders: null,
    body: { kind: route.body ? 'valid' : 'none', example, mutation: 0, field: 0, variant: 0, text: '', bytes: new Uint8Array() },
  };
  const out: Parts[] = [base];
  const fields = route.body ? Math.max(1, Object.keys(example).length) : 1;
  BODY_MUTATIONS.forEach((mutation, m) => {
    // Routes without a body get each mutation once: a body where none is expected.
    const variants = route.body ? mutation.variants : 1;
    const count = mutation.perField ? Math.max(fields, variants) : variants;
    for (let i = 0; i < count; i++) {
      out.push({ ...base, body: { ...base.body, kind: 'mutated', mutation: m, field: i % fields, variant: i % variants } });
    }
  });
  // Every credential variant where a token is required; a few where it is not (they are ignored there).
  const variants = authorisationVariants('x.y.z').length;
  for (let v = 0; v < (route.protected ? variants : 3); v++) out.push({ ...base, auth: { kind: 'variant', variant: v } });
  out.push({ ...base, auth: { kind: 'none', variant: 0 } });
  for (const h of GARBAGE_HEADERS) out.push({ ...base, extraHeaders: h });
  // Every garbage query string where the route reads one; a sample (prototype keys, sizes) where it does not.
  const readsQuery = route.params.some((p) => p.in === 'query');
  for (const q of readsQuery ? QUERY_GARBAGE : QUERY_GARBAGE.filter((_, i) => i % 4 === 0)) out.push({ ...base, query: q });
  if (route.params.some((p) => p.in === 'path')) for (const g of PATH_GARBAGE) out.push({ ...base, path: { values: pathValues, garbage: g } });
  return out.map((p) => assemble(route, p, credentials));
}

/** A one-line description of a request, for failure reports. */
export function describeRequest(r: HostileRequest): string {
  const size = r.payload === undefined ? 0 : Buffer.byteLength(r.payload);
  const url = r.url.length > 120 ? `${r.url.slice(0, 120)}…(${r.url.length} chars)` : r.url;
  return `${r.method} ${url} [${r.hostile.join('; ') || 'valid'}] body ${size} B`;
}
