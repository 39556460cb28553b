// Every audit output format in one place: a name users' CI scripts rely on (a contract) and the module
// that renders it, loaded only when used (`table` alone costs ~20 ms to load). A new format is one file
// whose default export is a Formatter, and one line here.

import type { ReportInput } from './report-input.js';

export type Formatter = (input: ReportInput) => string;

const LOADERS = {
  table: () => import('./audit-table.js'),
  json: () => import('./audit-json.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js'),
  github: () => import('./github.js'),
  markdown: () => import('./markdown.js'),
  compact: () => import('./compact.js'),
  html: () => import('./html.js'),
} as const satisfies Record<string, () => Promise<{ default: Formatter; notes?: (input: ReportInput) => string[] }>>;

export type Format = keyof typeof LOADERS;

export const FORMATS = Object.keys(LOADERS) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(LOADERS, name);
}

export async function formatter(format: Format): Promise<Formatter> {
  return (await LOADERS[format]()).default;
}

/** What a format has to say on stderr about a report (a limit it had to apply), if anything. */
export async function formatNotes(format: Format, input: ReportInput): Promise<string[]> {
  const mod = (await LOADERS[format]()) as { default: Formatter; notes?: (input: ReportInput) => string[] };
  return mod.notes?.(input) ?? [];
}
