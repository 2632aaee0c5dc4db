// What the fuzzer sends: a valid value for a field, read from its schema, and the malformed ones
// that vary it. Every malformed value is a Payload: one hostile input written for each place it
// can travel (a JSON body as raw text or bytes, a query string, a path segment), already encoded,
// so that bytes no JSON serializer or URL parser would produce (invalid UTF-8, lone surrogates,
// 2^53+1) reach the server exactly as written.
import type { Prng } from './prng';
import type { Field, JsonSchema } from './routes';

// ---------------------------------------------------------------------------------------------
// Reading a field's schema
// ---------------------------------------------------------------------------------------------

/** A field's schema with its anyOf/oneOf branches merged: every type it accepts, and its bounds. */
export interface Shape {
  types: Set<string>;
  nullable: boolean;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
}

export function shapeOf(schema: JsonSchema | undefined): Shape {
  const shape: Shape = { types: new Set(), nullable: false };
  const visit = (node: JsonSchema | undefined) => {
    if (!node) return;
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) visit(branch);
    const values = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
    const declared = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    const types =
      declared.length > 0
        ? declared
        : values
          ? values.map((value) => (value === null ? 'null' : typeof value))
          : node.properties
            ? ['object']
            : [];
    for (const type of types) {
      if (type === 'null') shape.nullable = true;
      else shape.types.add(type);
    }
    if (values) shape.enum ??= values.filter((value) => value !== null);
    shape.format ??= node.format;
    shape.pattern ??= node.pattern;
    shape.minLength ??= node.minLength;
    shape.maxLength ??= node.maxLength;
    shape.minimum ??= node.minimum ?? node.exclusiveMinimum;
    shape.maximum ??= node.maximum ?? node.exclusiveMaximum;
    shape.minItems ??= node.minItems;
    shape.items ??= node.items;
    shape.properties ??= node.properties;
    shape.required ??= node.required;
    shape.default ??= node.default;
  };
  visit(schema);
  // A schema that says nothing (an undocumented parameter) is taken as a string.
  if (shape.types.size === 0 && !shape.nullable) shape.types.add('string');
  return shape;
}

const isUuid = (shape: Shape) => shape.format === 'uuid' || shape.format === 'guid';
/** Dates by format, by a pattern that starts with a year, or by a name that says so. */
const isDateLike = (name: string, shape: Shape) =>
  shape.format === 'date-time' ||
  shape.format === 'date' ||
  (shape.pattern?.includes('\\d{4}-') ?? false) ||
  /(^|_)(from|to|since|until|before|after|date)$|(From|To|At|Since|Until|Before|After|Date)$/.test(name);
const isCursor = (name: string) => /cursor/i.test(name);

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

export interface ValueSource {
  prng: Prng;
  /** A value the schema alone cannot tell (an existing need-domain code, a record of the world). */
  hint(name: string): unknown;
  /** A short text of letters, new at every call: names stay unique, so no create is a conflict. */
  unique(): string;
}

function fitsPattern(pattern: string | undefined, value: string): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return new RegExp(pattern).test(value);
  }
}

function validString(shape: Shape, source: ValueSource): string {
  const u = source.unique();
  let value: string;
  if (isUuid(shape)) value = source.prng.uuid();
  else if (shape.format === 'email') value = `fuzz-${u}@example.org`;
  else if (shape.format === 'date-time') value = '2026-03-04T05:06:07Z';
  else if (shape.format === 'date') value = '2026-03-04';
  else if (shape.format === 'uri' || shape.format === 'url') value = `https://example.org/${u}`;
  else {
    const candidates = [`Fuzz ${u}`, `fuzz${u}`, `fuzz-${u}`, `fuzz.${u}`, `fuzz_${u}`, '555 0100', '2026-03-04', 'abc', '1'];
    value = candidates.find((candidate) => fitsPattern(shape.pattern, candidate)) ?? `fuzz${u}`;
  }
  if (shape.minLength !== undefined && value.length < shape.minLength) value = value.padEnd(shape.minLength, 'x');
  if (shape.maxLength !== undefined && value.length > shape.maxLength) value = value.slice(0, shape.maxLength);
  return value;
}

function validNumber(shape: Shape, integer: boolean): number {
  if (typeof shape.default === 'number') return shape.default;
  const low = shape.minimum ?? (integer ? 1 : 1);
  const high = shape.maximum ?? Math.max(low, 1);
  const value = Math.min(Math.max(1, low), high);
  return integer ? Math.ceil(value) : value;
}

/** A value the schema accepts (a hint for the field's name first). */
export function validValue(name: string, schema: JsonSchema | undefined, source: ValueSource): unknown {
  const hinted = source.hint(name);
  if (hinted !== undefined) return hinted;
  const shape = shapeOf(schema);
  if (shape.enum?.length) return shape.enum[0];
  if (shape.types.has('string')) return validString(shape, source);
  if (shape.types.has('integer')) return validNumber(shape, true);
  if (shape.types.has('number')) return validNumber(shape, false);
  if (shape.types.has('boolean')) return false;
  if (shape.types.has('array')) {
    return Array.from({ length: Math.max(shape.minItems ?? 1, 1) }, () => validValue(`${name}[]`, shape.items, source));
  }
  if (shape.types.has('object')) return validObject(shape.properties ?? {}, shape.required ?? [], source);
  return null;
}

/** An object with its required properties, or all of them with `everyField`. */
export function validObject(
  properties: Record<string, JsonSchema>,
  required: readonly string[],
  source: ValueSource,
  everyField = false,
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (everyField || required.includes(name)) object[name] = validValue(name, schema, source);
  }
  return object;
}

/** A valid value as query-string parts: an array repeats the parameter. */
export function queryParts(name: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => `${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
}

// ---------------------------------------------------------------------------------------------
// Malformed values
// ---------------------------------------------------------------------------------------------

/**
 * One hostile input, written for each place it can go. `json` is a raw JSON value (text or
 * bytes); `query` the percent-encoded values of a query parameter (more than one: the parameter
 * is repeated); `path` one percent-encoded path segment. A place left undefined does not apply.
 */
export interface Payload {
  kind: string;
  json?: string | Buffer;
  query?: string[];
  path?: string;
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** A string value, the same in every place. */
const text = (kind: string, value: string): Payload => ({
  kind,
  json: JSON.stringify(value),
  query: [encodeURIComponent(value)],
  path: encodeURIComponent(value),
});

/** A raw JSON value only (a type that a query string or a path cannot carry). */
const json = (kind: string, value: string | Buffer): Payload => ({ kind, json: value });

/** Raw percent-encoded text for the query and the path, and the same characters in JSON. */
const raw = (kind: string, encoded: string, inJson?: string | Buffer): Payload => ({
  kind,
  query: [encoded],
  path: encoded,
  json: inJson,
});

export const DEEP = 10_000;
const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);

/** Control characters, broken encodings, huge and tricky text: where strings go wrong. */
function textPayloads(): Payload[] {
  return [
    text('nul', 'a\u0000b'),
    text('c0-controls-and-esc', 'a\u0001\u0007\u0008\u000b\u000c\u001b[31mb\u001f'),
    text('del', 'a\u007fb'),
    text('c1-controls', 'a\u0085\u009bb\u009f'),
    // U+D800 alone: JSON may escape it, UTF-8 cannot hold it (CESU-8 bytes in a URL).
    raw('lone-surrogate', 'a%ED%A0%80b', '"a\\ud800b"'),
    raw('invalid-utf8', 'a%FF%FEb', bytes('"a', [0xff, 0xfe], 'b"')),
    raw('overlong-utf8-nul', 'a%C0%80b', bytes('"a', [0xc0, 0x80], 'b"')),
    raw('bad-percent-escape', '%zz%'),
    { kind: 'huge-string', json: JSON.stringify('x'.repeat(100_000)), query: ['x'.repeat(10_000)], path: 'x'.repeat(10_000) },
    text('empty', ''),
    text('only-spaces', '   '),
    text('unicode-tricks', 'e\u0301\u202e\u200b\ufeff\u{1f600}\u{1d4b3}\uffff'),
    text('like-wildcards-and-escape', '%_\\'),
    text('text-search-syntax', "a & | ! ( ) : * ' <-> \\"),
    text('sql-quote', "' OR '1'='1' --"),
    text('trailing-backslash', 'abc\\'),
  ];
}

/** Values of the wrong JSON type for the field, and hostile structures. */
function structurePayloads(shape: Shape): Payload[] {
  const payloads: Payload[] = [];
  if (!shape.types.has('number') && !shape.types.has('integer')) payloads.push(json('wrong-type-number', '12345'));
  if (!shape.types.has('boolean')) payloads.push(json('wrong-type-boolean', 'true'));
  if (!shape.nullable) payloads.push(json('wrong-type-null', 'null'));
  if (!shape.types.has('array')) payloads.push(json('wrong-type-array', '["a","b"]'));
  if (!shape.types.has('object')) payloads.push(json('wrong-type-object', '{"a":"b"}'));
  if (!shape.types.has('string')) payloads.push(json('wrong-type-string', '"12345"'));
  payloads.push(
    json('deep-nesting', deepArray),
    json('__proto__', '{"__proto__":{"polluted":true}}'),
    json('constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'),
    // A query string's way to send an array where one value is expected.
    { kind: 'repeated-parameter', query: ['a', 'b'] },
  );
  return payloads;
}

/** Numbers at and past every boundary a database or a JSON parser has. */
function numberPayloads(): Payload[] {
  const number = (kind: string, literal: string, inQuery = literal): Payload => ({
    kind,
    json: literal,
    query: [encodeURIComponent(inQuery)],
    path: encodeURIComponent(inQuery),
  });
  return [
    number('minus-one', '-1'),
    number('zero', '0'),
    number('2^31', '2147483648'),
    number('2^53+1', '9007199254740993'),
    number('1e308', '1e308'),
    number('1e400-overflows-to-infinity', '1e400'),
    number('minus-zero', '-0'),
    number('NaN', '"NaN"', 'NaN'),
    number('Infinity', '"Infinity"', 'Infinity'),
    number('fraction', '1.5'),
    number('minus-1e308', '-1e308'),
    number('2^63', '9223372036854775808'),
    raw('hex-literal', '0x10'),
    raw('padded-number', '%201%20'),
  ];
}

function booleanPayloads(): Payload[] {
  return [
    json('boolean-as-string', '"true"'),
    json('boolean-as-number', '1'),
    raw('boolean-upper-case', 'TRUE'),
    raw('boolean-yes', 'yes'),
    raw('boolean-one', '1'),
  ];
}

function enumPayloads(shape: Shape): Payload[] {
  const first = String(shape.enum?.[0] ?? 'x');
  return [
    text('not-a-member', 'fuzz-not-a-member'),
    text('member-in-upper-case', first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase()),
    text('member-with-space', ` ${first} `),
  ];
}

function uuidPayloads(prng: Prng): Payload[] {
  const id = prng.uuid();
  return [
    text('not-a-uuid', 'not-a-uuid'),
    text('random-uuid', prng.uuid()),
    text('nil-uuid', '00000000-0000-0000-0000-000000000000'),
    text('max-uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    text('uuid-version-0', '12345678-1234-0234-8234-123456789abc'),
    text('uuid-upper-case', id.toUpperCase()),
    text('uuid-without-dashes', id.replaceAll('-', '')),
    text('uuid-in-braces', `{${id}}`),
    text('uuid-with-suffix', `${id}x`),
    text('uuid-with-nul', `${id}\u0000`),
  ];
}

/** The dates of the brief: year zero, a day the calendar lacks, past JavaScript's end, a leap second. */
function datePayloads(): Payload[] {
  return [
    text('year-zero', '0000-01-01T00:00:00Z'),
    text('february-30', '2026-02-30T00:00:00Z'),
    text('past-javascript-max-date', '+275760-09-13T00:00:00Z'),
    text('leap-second', '9999-12-31T23:59:60Z'),
    text('negative-year', '-000001-01-01T00:00:00Z'),
    text('month-13', '2026-13-01T00:00:00Z'),
    text('hour-24', '2026-01-01T24:00:00Z'),
    text('offset-past-24h', '2026-01-01T00:00:00+25:00'),
    text('date-only-year-zero', '0000-01-01'),
    text('nanoseconds', '2026-01-01T00:00:00.123456789123Z'),
  ];
}

const cursor = (kind: string, content: string) => text(kind, Buffer.from(content, 'utf8').toString('base64url'));

/** Cursors this list never gave out: the wrong types, sizes and shapes of a keyset. */
function cursorPayloads(): Payload[] {
  return [
    cursor('cursor-["abc"]', '["abc"]'),
    cursor('cursor-[1e30]', '[1e30]'),
    cursor('cursor-[2^63]', '[9223372036854775808]'),
    cursor('cursor-[1,2,3]', '[1,2,3]'),
    cursor('cursor-{}', '{}'),
    cursor('cursor-[null]', '[null]'),
    cursor('cursor-[-1]', '[-1]'),
    cursor('cursor-[1.5]', '[1.5]'),
    cursor('cursor-["x","y"]', '["x","y"]'),
    cursor('cursor-[nul]', '["\\u0000"]'),
    cursor('cursor-["abc",uuid]', '["abc","00000000-0000-4000-8000-000000000000"]'),
    cursor('cursor-[1,"not-a-uuid"]', '[1,"not-a-uuid"]'),
    cursor('cursor-not-json', 'not json'),
    text('cursor-not-base64', 'not base64 !!!'),
  ];
}

function arrayPayloads(item: unknown): Payload[] {
  const one = JSON.stringify(item ?? 'a');
  return [
    json('empty-array', '[]'),
    json('array-of-10000', `[${Array.from({ length: 10_000 }, () => one).join(',')}]`),
    json('array-of-null', '[null]'),
    json('array-item-nul', '["a\\u0000b"]'),
    json('array-item-invalid-utf8', bytes('["a', [0xff, 0xfe], 'b"]')),
    json('array-item-huge', `[${JSON.stringify('x'.repeat(100_000))}]`),
    json('nested-arrays', `[[${one}]]`),
    json('duplicate-items', `[${one},${one}]`),
    { kind: 'parameter-repeated-31-times', query: Array.from({ length: 31 }, () => encodeURIComponent(String(item ?? 'a'))) },
  ];
}

/**
 * Every malformed value for one field, in the order the sampler takes them. First, always: NUL
 * and broken UTF-8 (the classic 500s), then the first two values of each family the field's
 * format invites (cursors, dates, ids, numbers…), then a wrong type. Then the rest, in an order
 * drawn from `prng`: the head of the list is the same on every run, the tail is explored by seed.
 */
export function fieldPayloads(field: Field, prng: Prng): Payload[] {
  const shape = shapeOf(field.schema);
  const texts = textPayloads();
  const families: Payload[][] = [];
  if (isCursor(field.name)) families.push(cursorPayloads());
  if (isDateLike(field.name, shape)) families.push(datePayloads());
  if (isUuid(shape)) families.push(uuidPayloads(prng));
  if (shape.enum?.length) families.push(enumPayloads(shape));
  if (shape.types.has('number') || shape.types.has('integer')) families.push(numberPayloads());
  if (shape.types.has('boolean')) families.push(booleanPayloads());
  if (shape.types.has('array')) families.push(arrayPayloads(shape.items?.enum?.[0]));
  const stringy = shape.types.has('string');
  // A field that takes no string gets the strings that matter most, as a wrong type.
  const strings = texts.filter((payload) => stringy || ['nul', 'invalid-utf8', 'huge-string', 'empty'].includes(payload.kind));
  const structures = structurePayloads(shape);
  const head = [
    ...strings.filter((payload) => payload.kind === 'nul' || payload.kind === 'invalid-utf8'),
    ...families.flatMap((family) => family.slice(0, 2)),
    ...structures.slice(0, 1),
  ];
  const tail = [...families.flatMap((family) => family.slice(2)), ...strings, ...structures].filter(
    (payload) => !head.includes(payload),
  );
  return [...head, ...prng.shuffle(tail)].filter((payload) => payloadFits(field, payload));
}

/** Whether a payload can travel where the field is (a path cannot carry a JSON object). */
export function payloadFits(field: Field, payload: Payload): boolean {
  if (field.location === 'body') return payload.json !== undefined;
  if (field.location === 'query') return payload.query !== undefined;
  return payload.path !== undefined;
}

/** Malformed path segments for a path parameter (every parameter is text in a URL). */
export function pathParamPayloads(name: string, schema: JsonSchema | undefined, sample: string, prng: Prng): Payload[] {
  const field: Field = { name, location: 'path', schema: schema ?? { type: 'string' }, required: true };
  // A wildcard is a file path: the ways out of the folder it serves.
  const traversals =
    name === '*'
      ? [
          raw('traversal', '../../package.json'),
          raw('encoded-traversal', '%2e%2e/%2e%2e/package.json'),
          raw('encoded-slash-traversal', '..%2f..%2fpackage.json'),
          raw('backslash-traversal', '..%5c..%5cpackage.json'),
          raw('double-dot-slash-traversal', '....//....//package.json'),
          raw('traversal-from-a-subfolder', 'assets/%2e%2e/%2e%2e/src/app.ts'),
          raw('absolute-path', '%2fetc%2fpasswd'),
        ]
      : [];
  return [
    ...traversals,
    raw('nul-segment', '%00'),
    raw('sample-then-nul', `${encodeURIComponent(sample)}%00`),
    raw('dot-dot', '..'),
    raw('encoded-dot-dot', '%2e%2e'),
    raw('encoded-slash', `${encodeURIComponent(sample)}%2Fx`),
    raw('double-encoded', '%2561'),
    raw('over-max-param-length', 'x'.repeat(201)),
    raw('sample-upper-case', encodeURIComponent(sample.toUpperCase())),
    ...fieldPayloads(field, prng),
  ];
}

/**
 * Malformed bodies as a whole, for a write route: not an object, not JSON, not UTF-8, too deep,
 * polluting prototypes, near and over the 1 MB limit, under the wrong content type.
 */
export interface BodyPayload {
  kind: string;
  body: Buffer | null;
  contentType: string | null;
}

export function bodyPayloads(base: Record<string, unknown>, stringField: string | undefined): BodyPayload[] {
  const text = JSON.stringify(base);
  const inner = text.slice(1, -1);
  const withEntry = (entry: string) => `{${entry}${inner ? `,${inner}` : ''}}`;
  const jsonBody = (kind: string, body: string | Buffer, contentType = 'application/json'): BodyPayload => ({
    kind,
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType,
  });
  // A body padded with one long string, in the field that takes one (or an unknown field).
  const padded = (kind: string, size: number) => {
    const field = stringField ?? 'fuzzPadding';
    const rest = JSON.stringify({ ...base, [field]: '' });
    return jsonBody(kind, rest.replace(`"${field}":""`, `"${field}":"${'x'.repeat(size - rest.length)}"`));
  };
  const firstKey = Object.keys(base)[0];
  return [
    jsonBody('body-null', 'null'),
    jsonBody('body-array', '[]'),
    jsonBody('body-string', '"x"'),
    jsonBody('body-number', '1'),
    jsonBody('body-invalid-json', '{"a":'),
    jsonBody('body-trailing-garbage', `${text}x`),
    jsonBody('body-empty', ''),
    { kind: 'body-absent', body: null, contentType: null },
    jsonBody('body-deep-array', deepArray),
    jsonBody('body-deep-object', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
    jsonBody('body-__proto__', withEntry('"__proto__":{"polluted":true}')),
    jsonBody('body-constructor.prototype', withEntry('"constructor":{"prototype":{"polluted":true}}')),
    jsonBody('body-unknown-field', withEntry('"fuzzUnknown":1')),
    jsonBody('body-duplicate-key', firstKey ? withEntry(`${JSON.stringify(firstKey)}:{"a":"b"}`) : '{"a":1,"a":2}'),
    jsonBody('body-invalid-utf8-between-tokens', bytes('{', [0xff, 0xfe], inner, '}')),
    jsonBody('body-utf8-bom', bytes([0xef, 0xbb, 0xbf], text)),
    jsonBody('body-utf16', Buffer.from(text, 'utf16le'), 'application/json; charset=utf-16'),
    jsonBody('body-as-text-plain', text, 'text/plain'),
    jsonBody('body-as-form', 'a=b', 'application/x-www-form-urlencoded'),
    jsonBody('body-unknown-charset', text, 'application/json; charset=klingon'),
    padded('body-near-1MB-limit', 1_040_000),
    padded('body-over-1MB-limit', 1_100_000),
  ];
}

/** Malformed query strings as a whole: keys that pollute, keys that are not, too many, too long. */
export function queryPayloads(): { kind: string; parts: string[] }[] {
  return [
    { kind: 'query-unknown-parameter', parts: ['fuzzUnknown=1'] },
    { kind: 'query-__proto__', parts: ['__proto__=x'] },
    { kind: 'query-__proto__-bracket', parts: ['__proto__%5Bpolluted%5D=1'] },
    { kind: 'query-constructor.prototype', parts: ['constructor%5Bprototype%5D%5Bpolluted%5D=1'] },
    { kind: 'query-empty-key', parts: ['=x'] },
    { kind: 'query-bare-key', parts: ['flag'] },
    { kind: 'query-only-ampersands', parts: ['&&&'] },
    { kind: 'query-nul-key', parts: ['%00=1'] },
    { kind: 'query-1000-parameters', parts: Array.from({ length: 1000 }, (_, index) => `p${index}=1`) },
    { kind: 'query-huge-100KB', parts: [`q=${'x'.repeat(100_000)}`] },
  ];
}

// ---------------------------------------------------------------------------------------------
// Paths spelt other ways
// ---------------------------------------------------------------------------------------------

export interface Spelling {
  kind: string;
  path: string;
}

/** One segment of a concrete path: the route's own text, or a parameter's value. */
export interface PathSegment {
  text: string;
  isStatic: boolean;
}

/**
 * The same path spelt other ways: percent-encoded letters (one in each of the route's own
 * segments), doubled slashes, a trailing slash, dot segments, upper case, an encoded slash.
 */
export function pathSpellings(segments: readonly PathSegment[]): Spelling[] {
  const join = (parts: readonly string[]) => `/${parts.join('/')}`;
  const texts = segments.map((segment) => segment.text);
  const path = join(texts);
  const encodeOneLetter = (segment: string, upper: boolean) =>
    segment.replace(/[a-z]/i, (letter) => {
      const hex = letter.charCodeAt(0).toString(16);
      return `%${upper ? hex.toUpperCase() : hex}`;
    });
  const encoded = (upper: boolean) =>
    join(segments.map((segment) => (segment.isStatic ? encodeOneLetter(segment.text, upper) : segment.text)));
  const [head = '', ...tail] = texts;
  const after = (between: string) => (tail.length ? `/${head}${between}${tail.join('/')}` : `/${head}${between}`);
  return [
    { kind: 'percent-encoded-letters', path: encoded(false) },
    { kind: 'percent-encoded-upper-hex', path: encoded(true) },
    { kind: 'leading-double-slash', path: `/${path}` },
    { kind: 'inner-double-slash', path: after('//') },
    { kind: 'trailing-slash', path: `${path}/` },
    { kind: 'dot-dot-segment', path: after('/fuzz/../') },
    { kind: 'dot-segment', path: after('/./') },
    { kind: 'encoded-dot-dot-segment', path: after('/fuzz/%2e%2e/') },
    { kind: 'encoded-slash', path: after('%2F') },
    { kind: 'upper-case', path: path.toUpperCase() },
    { kind: 'semicolon-parameter', path: `${path};jsessionid=fuzz` },
    { kind: 'backslash', path: after('\\') },
    { kind: 'nul-suffix', path: `${path}%00` },
  ];
}
