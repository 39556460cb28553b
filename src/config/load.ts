// Reads one `.asa-mobile-audit.yaml`: parses with `yaml` (which keeps line positions) and validates with ajv against CONFIG_SCHEMA.

import { Ajv, type ErrorObject } from 'ajv';
import { nearest } from '../common/edit-distance.js';
import { toPlain } from '../common/yaml-plain.js';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { pathOf } from '../common/schema-path.js';
import { ConfigError } from './config-error.js';
import { CONFIG_SCHEMA, type AuditConfig, type IgnoreEntry } from './schema.js';
import { isCalendarDate, isWebUrl } from './values.js';
import { READ_LIMITS, ReadError, readUserText } from '../common/read-file.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(CONFIG_SCHEMA);

export function loadConfig(file: string, knownRules: readonly string[]): AuditConfig {
  let text: string;
  try {
    text = readUserText(file, READ_LIMITS.yaml);
  } catch (err) {
    if (err instanceof ReadError) throw new ConfigError(file, null, err.message);
    throw err;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ConfigError(file, lineCounter.linePos(e.pos[0]).line, `invalid YAML: ${e.message.split('\n')[0]}`);
  }
  // `until: 2027-01-31` would be a Date with YAML 1.1 timestamps; the core schema keeps it a string.
  // An empty key (`rules:` with only comments below) means "nothing set", not null.
  const data: unknown = dropNulls(toPlain(doc, file, (f, m) => new ConfigError(f, null, m)) ?? {});
  const lineOf = (path: Array<string | number>): number | null => {
    const node = doc.getIn(path, true) as Node | undefined;
    const range = node?.range ?? (path.length > 0 ? (doc.getIn(path.slice(0, -1), true) as Node | undefined)?.range : undefined);
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  // Every mistake at once, in line order: fixing one per run is a slow way to learn a schema.
  const errors: ConfigError[] = [];
  if (!validate(data)) {
    for (const err of pickErrors(validate.errors ?? [])) {
      const path = pathOf(err);
      // An unknown rule id is one mistake (reported below with a did-you-mean), whatever its value.
      if (path.length === 2 && path[0] === 'rules' && !knownRules.includes(String(path[1]))) continue;
      // An unknown key is reported at the key itself, not at its value.
      const line = err.keyword === 'additionalProperties' ? (keyLine(doc, lineCounter, path.map(String)) ?? lineOf(path)) : lineOf(path);
      errors.push(new ConfigError(file, line, describeError(err, path)));
    }
  }
  // Past a schema error the data may be any shape: the checks below look only at what has theirs.
  const cfg = data as Partial<Omit<AuditConfig, 'source'>>;
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const id of isObject(cfg.rules) ? Object.keys(cfg.rules) : []) {
    if (!knownRules.includes(id))
      errors.push(
        new ConfigError(
          file,
          keyLine(doc, lineCounter, ['rules', id]),
          `rules: unknown rule id \`${id}\`${didYouMean(id, knownRules)} (see \`asa-mobile-audit rules\`)`,
        ),
      );
  }
  const ignore: IgnoreEntry[] = (Array.isArray(cfg.ignore) ? cfg.ignore : []).map((entry, i) => {
    if (!isObject(entry)) return entry;
    if (typeof entry.rule === 'string' && !knownRules.includes(entry.rule))
      errors.push(
        new ConfigError(file, lineOf(['ignore', i, 'rule']), `ignore[${i}].rule: unknown rule id \`${entry.rule}\`${didYouMean(entry.rule, knownRules)}`),
      );
    if (typeof entry.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.until) && !isCalendarDate(entry.until))
      errors.push(new ConfigError(file, lineOf(['ignore', i, 'until']), `ignore[${i}].until: \`${entry.until}\` is not a date`));
    const line = lineOf(['ignore', i]);
    return line === null ? { ...entry } : { ...entry, line };
  });
  if (typeof cfg.helpUriBase === 'string' && cfg.helpUriBase !== '' && !isWebUrl(cfg.helpUriBase))
    errors.push(new ConfigError(file, lineOf(['helpUriBase']), `helpUriBase: \`${cfg.helpUriBase}\` is not an http(s) URL`));
  if (errors.length > 0) throw combined(errors);
  return {
    source: file,
    rules: cfg.rules ?? {},
    profiles: { include: cfg.profiles?.include ?? [], exclude: cfg.profiles?.exclude ?? [] },
    files: { include: cfg.files?.include ?? [], exclude: cfg.files?.exclude ?? [] },
    ignore,
    ...(cfg.failOn ? { failOn: cfg.failOn } : {}),
    ...(cfg.helpUriBase ? { helpUriBase: cfg.helpUriBase } : {}),
    includeLines: (cfg.profiles?.include ?? []).map((_, i) => lineOf(['profiles', 'include', i])),
  };
}

/** Line of a map key itself (for unknown keys, whose value node may be a scalar on the same line). */
function keyLine(doc: Document, lc: LineCounter, path: string[]): number | null {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return null;
  for (const pair of parent.items) {
    const key = pair.key as Node | null;
    if (key && String((key as { value?: unknown }).value) === path[path.length - 1] && key.range) return lc.linePos(key.range[0]).line;
  }
  return null;
}

/**
 * The most useful of ajv's errors, one per place: unknown keys and missing fields before type
 * mismatches (a wrong value also fails the alternatives of a `oneOf`, which say less).
 */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const rank = (e: ErrorObject): number => (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : e.keyword === 'enum' ? 2 : 3);
  const best = new Map<string, ErrorObject>();
  for (const e of errors) {
    const at = `${e.instancePath} ${e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : ''}`;
    const held = best.get(at);
    if (held === undefined || rank(e) < rank(held)) best.set(at, e);
  }
  return [...best.values()];
}

/** One error carrying the rest, first in line order (a line-less one, the whole file, comes first). */
function combined(errors: ConfigError[]): ConfigError {
  const sorted = [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const [first, ...rest] = sorted;
  first!.more.push(...rest);
  return first!;
}

function describeError(err: ErrorObject, path: Array<string | number>): string {
  const where = path.length > 0 ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') : '(top level)';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(path[path.length - 1]);
      return `${where}: unknown key \`${key}\`${didYouMean(key, allowedKeys(err.schemaPath))}`;
    }
    case 'required':
      return `${where}: missing \`${(err.params as { missingProperty: string }).missingProperty}\`${(err.params as { missingProperty: string }).missingProperty === 'reason' ? ' (every ignore needs a reason)' : ''}`;
    case 'enum':
      return `${where}: must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'pattern':
      return `${where}: must be a date as YYYY-MM-DD`;
    default:
      return `${where}: ${err.message ?? 'invalid'}`;
  }
}

function didYouMean(typed: string, known: readonly string[]): string {
  const near = nearest(typed, known);
  return near === null ? '' : ` (did you mean \`${near}\`?)`;
}

/** The keys the schema allows where `schemaPath` (`#/properties/profiles/additionalProperties`) points. */
function allowedKeys(schemaPath: string): string[] {
  let node: unknown = CONFIG_SCHEMA;
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[part];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

function dropNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, dropNulls(v)]),
  );
}
