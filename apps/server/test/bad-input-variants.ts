import type { z } from 'zod';

/**
 * Malformed variants of a valid procedure input, derived from the input itself
 * and the procedure's zod schema: every string leaf with a NUL character or a
 * lone surrogate, every number leaf beyond int4 and far beyond any real figure,
 * and every record (e.g. indicator values by code) with a reserved key.
 */

export type InputPath = (string | number)[];

export interface BadVariant {
  /** Where the bad value sits, e.g. `values.sick_visits` or `honours.0.title`. */
  path: string;
  what: string;
  input: unknown;
}

const badStrings: [string, string][] = [
  ['x\u0000y', 'NUL character'],
  ['\uD800', 'lone surrogate'],
];
const badNumbers: [number, string][] = [
  [2147483648, '2^31'],
  [1e15, '1e15'],
];
const reservedKeys = ['__proto__', 'constructor'];

const dotted = (path: InputPath) => path.join('.');
// One variant per field shape: `items.0.title` and `items.7.title` are the same field.
const shapeOf = (path: InputPath) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

function leaves(value: unknown, path: InputPath = []): { path: InputPath; value: string | number }[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/** A deep copy (JSON-shaped inputs only) with `change` applied to the node at `path`. */
function edited(input: unknown, path: InputPath, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = JSON.parse(JSON.stringify(input)) as unknown;
  if (path.length === 0) throw new Error('cannot edit the root');
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  change(node, path[path.length - 1]!);
  return copy;
}

type AnyDef = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): AnyDef => (schema as { _zod: { def: AnyDef } })._zod.def;

/** Paths in `value` where `schema` expects a record (string-keyed map). */
export function recordPaths(schema: z.ZodType | unknown, value: unknown, path: InputPath = []): InputPath[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'record': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
      const inner = Object.entries(value).flatMap(([k, v]) => recordPaths(def.valueType, v, [...path, k]));
      return [path, ...inner];
    }
    case 'object': {
      if (!value || typeof value !== 'object') return [];
      const shape = def.shape as Record<string, unknown>;
      return Object.entries(shape).flatMap(([k, s]) => (k in (value as object) ? recordPaths(s, (value as Record<string, unknown>)[k], [...path, k]) : []));
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => recordPaths(def.element, v, [...path, i])) : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return recordPaths(def.innerType, value, path);
    case 'pipe':
      return [...recordPaths(def.in, value, path), ...recordPaths(def.out, value, path)];
    case 'union':
      return (def.options as unknown[]).flatMap((option) => recordPaths(option, value, path));
    case 'intersection':
      return [...recordPaths(def.left, value, path), ...recordPaths(def.right, value, path)];
    default:
      return [];
  }
}

export function badVariants(input: unknown, schema: unknown): BadVariant[] {
  const variants: BadVariant[] = [];
  const seen = new Set<string>();
  for (const leaf of leaves(input)) {
    const shape = shapeOf(leaf.path);
    if (seen.has(shape)) continue;
    seen.add(shape);
    const replacements: [unknown, string][] = typeof leaf.value === 'string' ? badStrings : badNumbers;
    for (const [bad, what] of replacements) {
      variants.push({ path: dotted(leaf.path), what, input: edited(input, leaf.path, (parent, key) => (parent[key] = bad)) });
    }
  }
  const records = new Map(recordPaths(schema, input).map((p) => [dotted(p), p]));
  for (const path of records.values()) {
    for (const key of reservedKeys) {
      const withKey = JSON.parse(JSON.stringify(input)) as unknown;
      const target = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], withKey) as object;
      const sample = Object.values(target)[0] ?? 1;
      // An own property, as JSON.parse creates it (plain assignment of __proto__ would set the prototype instead).
      Object.defineProperty(target, key, { value: sample, enumerable: true, writable: true, configurable: true });
      variants.push({ path: dotted([...path, key]), what: `record key ${key}`, input: withKey });
    }
  }
  return variants;
}
