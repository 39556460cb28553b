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
  if (!validate(data)) {
    const err = pickError(validate.errors ?? []);
    const path = pathOf(err);
    // An unknown key is reported at the key itself, not at its value.
    const line = err.keyword === 'additionalProperties' ? (keyLine(doc, lineCounter, path.map(String)) ?? lineOf(path)) : lineOf(path);
    throw new ConfigError(file, line, describeError(err, path));
  }
  const cfg = data as Partial<Omit<AuditConfig, 'source'>>;
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!knownRules.includes(id))
      throw new ConfigError(
        file,
        keyLine(doc, lineCounter, ['rules', id]),
        `rules: unknown rule id \`${id}\`${didYouMean(id, knownRules)} (see \`asa-mobile-audit rules\`)`,
      );
  }
  const ignore: IgnoreEntry[] = (cfg.ignore ?? []).map((entry, i) => {
    if (!knownRules.includes(entry.rule))
      throw new ConfigError(file, lineOf(['ignore', i, 'rule']), `ignore[${i}].rule: unknown rule id \`${entry.rule}\`${didYouMean(entry.rule, knownRules)}`);
    if (entry.until && !isCalendarDate(entry.until))
      throw new ConfigError(file, lineOf(['ignore', i, 'until']), `ignore[${i}].until: \`${entry.until}\` is not a date`);
    const line = lineOf(['ignore', i]);
    return line === null ? { ...entry } : { ...entry, line };
  });
  if (cfg.helpUriBase !== undefined && !isWebUrl(cfg.helpUriBase))
    throw new ConfigError(file, lineOf(['helpUriBase']), `helpUriBase: \`${cfg.helpUriBase}\` is not an http(s) URL`);
  return {
    source: file,
    rules: cfg.rules ?? {},
    profiles: { include: cfg.profiles?.include ?? [], exclude: cfg.profiles?.exclude ?? [] },
    files: { include: cfg.files?.include ?? [], exclude: cfg.files?.exclude ?? [] },
    ignore,
    ...(cfg.failOn ? { failOn: cfg.failOn } : {}),
    ...(cfg.helpUriBase ? { helpUriBase: cfg.helpUriBase } : {}),
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

/** The most useful of ajv's errors: unknown keys and missing fields before type mismatches. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject): number => (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'required' ? 1 : e.keyword === 'enum' ? 2 : 3);
  return [...errors].sort((a, b) => rank(a) - rank(b))[0]!;
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
