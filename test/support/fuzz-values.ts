/** Building blocks for the generated bad-input run: a seeded PRNG, OpenAPI schema walking, values. */

/** mulberry32: small, fast and deterministic, so a failing run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OpenApiSchema {
  $ref?: string;
  allOf?: OpenApiSchema[];
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  example?: unknown;
  default?: unknown;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export const refName = (schema: OpenApiSchema | undefined) =>
  schema?.$ref?.split('/').pop() ?? schema?.allOf?.[0]?.$ref?.split('/').pop();

/** Follows $ref (and a single-element allOf, as Swagger emits for described refs). */
export function resolveSchema(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  let s = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (s.$ref) {
      const name = s.$ref.split('/').pop() as string;
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved ${s.$ref}`);
      s = target;
    } else if (s.allOf?.length === 1) {
      s = { ...(s.allOf[0] as OpenApiSchema) };
    } else break;
  }
  return s;
}

export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

export function kindOf(s: OpenApiSchema): Kind {
  if (s.type === 'integer') return 'number';
  if (s.type === 'string' || s.type === 'number' || s.type === 'boolean' || s.type === 'array')
    return s.type;
  return 'object';
}

/** A plausible value for a schema, for operations without a hand-written valid body. */
export function sampleValue(doc: OpenApiDocument, schema: OpenApiSchema): unknown {
  const s = resolveSchema(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  switch (kindOf(s)) {
    case 'string':
      return 'fuzz';
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return s.items ? [sampleValue(doc, s.items)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? [])
        out[name] = sampleValue(doc, s.properties?.[name] ?? { type: 'string' });
      return out;
    }
  }
}

/** Strange but valid-looking text: direction override, joiners, a lone surrogate, emoji, NUL. */
export const ODD_UNICODE: ReadonlyArray<[string, string]> = [
  ['rtl-override', 'Jan\u202Ekooh'],
  ['zero-width-joiner', 'groen\u200Dwerk\u200B'],
  ['lone-surrogate', 'a\uD800b'],
  ['emoji', 'Hovenier 🌳👩🏽‍🌾🏳️‍🌈'],
  ['nul-byte', 'nul\u0000byte'],
];

export const HUGE_STRING = 'x'.repeat(100_000);

const JUNK_ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '<',
  '>',
  '&',
  ';',
  '--',
  '\u0000',
  '\u0007',
  '\u202E',
  '\u200D',
  '\uFEFF',
  '\uD83D',
  'é',
  'ß',
  '中',
  '🌳',
  '\n',
  '\t',
];

export function junkString(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++)
    out += JUNK_ALPHABET[Math.floor(random() * JUNK_ALPHABET.length)];
  return out;
}

/** Percent-encodes a query value, including lone surrogates that encodeURIComponent refuses. */
export function encodeQueryValue(value: string): string {
  let out = '';
  for (const ch of value) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      // A lone surrogate as the bytes a careless client would send (CESU-8).
      const code = ch.charCodeAt(0);
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}

export function setAt(target: unknown, path: readonly (string | number)[], value: unknown) {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

export function deleteAt(target: unknown, path: readonly (string | number)[]) {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path[path.length - 1] as string | number];
}

export function getAt(target: unknown, path: readonly (string | number)[]): unknown {
  let node = target;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** How a mutation must be answered: refused (4xx), or anything but a server error. */
export type Verdict = 'reject' | 'any';

export interface BodyMutation {
  label: string;
  verdict: Verdict;
  body?: unknown;
  raw?: string | Buffer;
}

/**
 * Mutations of a valid body generated from its schema: missing required fields, wrong types,
 * odd strings and numbers, huge arrays, invalid enum values, unknown fields; recursing into the
 * nested objects the base body holds.
 */
export function bodyMutations(
  doc: OpenApiDocument,
  schema: OpenApiSchema,
  base: unknown,
  random: () => number,
): BodyMutation[] {
  const out: BodyMutation[] = [];
  const root = resolveSchema(doc, schema);
  const withValue = (path: (string | number)[], value: unknown) => {
    const body = structuredClone(base);
    setAt(body, path, value);
    return body;
  };
  const add = (label: string, verdict: Verdict, path: (string | number)[], value: unknown) =>
    out.push({ label: `${path.join('.')}: ${label}`, verdict, body: withValue(path, value) });

  const walk = (s: OpenApiSchema, path: (string | number)[], value: unknown) => {
    const props = s.properties ?? {};
    const required = new Set(s.required ?? []);
    const here = path.length ? path.join('.') : '(body)';
    out.push({
      label: `${here}: unknown field`,
      verdict: 'reject',
      body: withValue([...path, 'fuzzUnknownField'], 'x'),
    });
    for (const [name, propSchema] of Object.entries(props)) {
      const field = [...path, name];
      const p = resolveSchema(doc, propSchema);
      const kind = kindOf(p);
      const current = getAt(value, [name]);
      if (required.has(name) && current !== undefined) {
        const body = structuredClone(base);
        deleteAt(body, field);
        out.push({ label: `${field.join('.')}: missing`, verdict: 'reject', body });
      }
      const wrong: Array<[string, unknown, Verdict]> = [
        ['string', 'fuzz', 'reject'],
        ['number', 12345, 'reject'],
        ['boolean', true, 'reject'],
        ['array', ['x'], 'reject'],
        ['empty array', [], kind === 'array' ? 'any' : 'reject'],
        ['object', { fuzz: 1 }, 'reject'],
        ['null', null, required.has(name) ? 'reject' : 'any'],
      ];
      for (const [label, v, verdict] of wrong) {
        if (label === kind || (kind === 'array' && label === 'array')) continue;
        add(`wrong type ${label}`, verdict, field, v);
      }
      if (kind === 'string') {
        if (p.enum?.length) {
          add('invalid enum value', 'reject', field, 'geen-geldige-waarde');
          const upper = String(p.enum[0]).toUpperCase();
          if (!p.enum.includes(upper)) add('enum in wrong case', 'reject', field, upper);
        } else {
          add('huge string (100k)', 'reject', field, HUGE_STRING);
          add('empty string', 'any', field, '');
          for (const [label, text] of ODD_UNICODE) add(label, 'any', field, text);
          add('random junk', 'any', field, junkString(random, 3 + Math.floor(random() * 30)));
        }
      }
      if (kind === 'number') {
        const below = (n: number) => p.minimum !== undefined && n < p.minimum;
        const above = (n: number) => p.maximum !== undefined && n > p.maximum;
        const numbers: Array<[string, unknown, Verdict]> = [
          ['negative', -1, below(-1) ? 'reject' : 'any'],
          ['zero', 0, below(0) ? 'reject' : 'any'],
          ['huge 1e308', 1e308, above(1e308) ? 'reject' : 'any'],
          ['2**63', 2 ** 63, above(2 ** 63) ? 'reject' : 'any'],
          ['"NaN" string', 'NaN', 'reject'],
          ['numeric string', '12', 'reject'],
          ['fraction', 1.5, 'any'],
          ['tiny fraction', 1e-9, 'any'],
        ];
        for (const [label, v, verdict] of numbers) add(label, verdict, field, v);
      }
      if (kind === 'array') {
        const items = p.items ? resolveSchema(doc, p.items) : { type: 'string' };
        const first = Array.isArray(current) && current.length ? current[0] : undefined;
        const itemKind = kindOf(items);
        const make =
          itemKind === 'string' && !items.enum
            ? (i: number) => `x${i.toString(36)}`
            : () => structuredClone(first ?? sampleValue(doc, items));
        add(
          '10k items',
          'reject',
          field,
          Array.from({ length: 10_000 }, (_, i) => make(i)),
        );
        add('item of wrong type', 'reject', field, [itemKind === 'number' ? 'x' : 12345]);
        if (items.enum?.length) add('invalid enum item', 'reject', field, ['geen-geldige-waarde']);
        if (itemKind === 'object' && first !== undefined) walk(items, [...field, 0], first);
      }
      if (kind === 'object' && current !== null && typeof current === 'object')
        walk(p, field, current);
    }
  };

  walk(root, [], base);

  const json = JSON.stringify(base);
  const rest = json.slice(1);
  const requiresSomething = (root.required ?? []).length > 0;
  out.push(
    { label: '(body): array', verdict: 'reject', body: [] },
    { label: '(body): array of the valid body', verdict: 'reject', body: [base] },
    { label: '(body): empty object', verdict: requiresSomething ? 'reject' : 'any', body: {} },
    { label: '(body): null', verdict: 'reject', raw: 'null' },
    { label: '(body): string', verdict: 'reject', raw: '"fuzz"' },
    { label: '(body): number', verdict: 'reject', raw: '12345' },
    { label: '(body): boolean', verdict: 'reject', raw: 'true' },
    { label: '(body): truncated JSON', verdict: 'reject', raw: json.slice(0, json.length >> 1) },
    {
      label: '(body): __proto__ pollution',
      verdict: 'any',
      raw: `{"__proto__":{"role":"admin","polluted":true},${rest}`,
    },
    {
      label: '(body): constructor.prototype pollution',
      verdict: 'any',
      raw: `{"constructor":{"prototype":{"polluted":true}},${rest}`,
    },
    {
      label: '(body): duplicate keys',
      verdict: 'any',
      raw: `{"fuzzDuplicate":1,"fuzzDuplicate":2,${rest}`,
    },
    { label: '(body): deeply nested', verdict: 'reject', raw: '['.repeat(5000) + ']'.repeat(5000) },
  );
  const textField = Object.entries((base ?? {}) as Record<string, unknown>).find(
    ([, v]) => typeof v === 'string',
  )?.[0];
  if (textField) {
    const marker = 'FUZZ_BYTES_MARKER';
    const [head, tail] = JSON.stringify({ ...(base as object), [textField]: marker }).split(marker);
    out.push({
      label: `${textField}: invalid UTF-8 bytes`,
      verdict: 'any',
      raw: Buffer.concat([
        Buffer.from(head as string),
        Buffer.from([0x61, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x62]),
        Buffer.from(tail as string),
      ]),
    });
  }
  return out;
}
