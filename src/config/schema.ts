// JSON schema of `.asa-mobile-audit.yaml`. Validated with ajv; errors name the file, line and key.

export const CONFIG_SCHEMA = {
  $id: 'https://asa-mobile-audit/config.schema.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      description: 'Per rule id: `off` to disable, `on` to keep, or a severity to override.',
      additionalProperties: { enum: ['off', 'on', 'error', 'warning', 'info'] },
    },
    profiles: {
      type: 'object',
      additionalProperties: false,
      properties: {
        include: { type: 'array', items: { type: 'string', minLength: 1 } },
        exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    files: {
      type: 'object',
      additionalProperties: false,
      properties: {
        include: { type: 'array', items: { type: 'string', minLength: 1 } },
        exclude: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    ignore: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          device: { type: 'string', minLength: 1 },
          profile: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 3 },
          until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
    failOn: { enum: ['error', 'warning', 'info', 'never'] },
    helpUriBase: { type: 'string', minLength: 1 },
  },
} as const;

export type RuleSetting = 'off' | 'on' | 'error' | 'warning' | 'info';

export interface IgnoreEntry {
  rule: string;
  device?: string;
  profile?: string;
  reason: string;
  until?: string;
  /** 1-based line of the entry in the config file, for messages. */
  line?: number;
}

export interface AuditConfig {
  /** Path of the file it came from, or null for the built-in defaults. */
  source: string | null;
  rules: Record<string, RuleSetting>;
  profiles: { include: string[]; exclude: string[] };
  files: { include: string[]; exclude: string[] };
  ignore: IgnoreEntry[];
  failOn?: 'error' | 'warning' | 'info' | 'never';
  helpUriBase?: string;
  /** 1-based lines of the `profiles.include` globs in the file, in order, for messages. */
  includeLines?: Array<number | null>;
}

export const EMPTY_CONFIG: AuditConfig = {
  source: null,
  rules: {},
  profiles: { include: [], exclude: [] },
  files: { include: [], exclude: [] },
  ignore: [],
};
