// The readiness matrix of one device: mobile-facing connection profiles × the checks a mobile rollout
// turns on, each cell pass, fail or not applicable. Built from the findings and how each profile is
// reached, so it always agrees with the finding list beneath it.

import { getBorderCharacters, table } from 'table';
import type { AuditTarget } from '../audit/result.js';
import type { Paint } from './colour.js';
import { wrapText } from './wrap.js';

export type Cell = 'pass' | 'fail' | 'n/a';

interface Check {
  /** Header when there is room, and when there is not (a legend line explains the short ones). */
  name: string;
  short: string;
  rules: ReadonlySet<string>;
  /** Whether the check applies to a profile reached over these transports, using per-app or not. */
  applies: (r: { ssl: boolean; ikev2: boolean; perApp: boolean }) => boolean;
}

const CHECKS: readonly Check[] = [
  {
    name: 'iOS DNS',
    short: 'DNS',
    rules: new Set([
      'ios-dns-all-clear',
      'split-dns-without-dns-server',
      'default-domain-not-in-split-dns',
      'dns-server-outside-split-tunnel',
      'split-dns-not-domain',
      'split-dns-inherited',
    ]),
    applies: () => true,
  },
  { name: 'gateway DPD', short: 'GW', rules: new Set(['server-side-dpd-enabled']), applies: (r) => r.ssl },
  { name: 'client DPD', short: 'CL', rules: new Set(['client-side-dpd-disabled']), applies: (r) => r.ssl },
  { name: 'keepalive', short: 'KA', rules: new Set(['ssl-keepalive-enabled']), applies: (r) => r.ssl },
  { name: 'NAT-T', short: 'NT', rules: new Set(['natt-disabled', 'natt-keepalive-short']), applies: (r) => r.ikev2 },
  { name: 'names', short: 'NM', rules: new Set(['profile-name-special-chars', 'group-alias-special-chars']), applies: () => true },
  {
    name: 'per-app',
    short: 'PA',
    rules: new Set([
      'perapp-asa-version',
      'perapp-attr-not-declared',
      'perapp-data-missing',
      'perapp-data-too-long',
      'perapp-data-unused',
      'perapp-ios-not-all-apps',
      'perapp-type-misspelled',
      'dap-perapp-broken',
    ]),
    applies: (r) => r.perApp,
  },
];

export interface ReadinessRow {
  tunnelGroup: string;
  cells: Cell[];
}

/** One row per mobile-facing profile; a device-wide finding (NAT-T, a misspelled type) fails its check for every profile it applies to. */
export function readinessRows(t: AuditTarget): ReadinessRow[] {
  // Failing rule ids per profile ('' for device-wide findings), warnings and errors only.
  const failing = new Map<string, Set<string>>();
  for (const f of t.findings) {
    if (f.severity === 'info') continue;
    const key = f.tunnelGroup ?? '';
    (failing.get(key) ?? failing.set(key, new Set()).get(key)!).add(f.ruleId);
  }
  const device = failing.get('') ?? new Set<string>();
  return t.reach.map((r) => {
    const mine = failing.get(r.tunnelGroup) ?? new Set<string>();
    return {
      tunnelGroup: r.tunnelGroup,
      cells: CHECKS.map((c): Cell => {
        // A finding about the check fails it even where the transport guess says it does not apply.
        for (const id of c.rules) if (mine.has(id) || device.has(id)) return 'fail';
        return c.applies(r) ? 'pass' : 'n/a';
      }),
    };
  });
}

const MARK: Record<Cell, string> = { pass: '✓', fail: '✗', 'n/a': '–' };

/** Above this many mobile profiles the matrix is summarised per check. */
const MAX_MATRIX_ROWS = 20;

/** Many profiles: one aligned line per check with its counts and the first failing profiles. */
function summaryTable(rows: readonly ReadinessRow[], width: number, p: Paint): string[] {
  const count = (i: number, c: Cell): number => rows.filter((r) => r.cells[i] === c).length;
  const nameWidth = Math.max(...CHECKS.map((c) => c.name.length));
  const out = wrapText(
    `${rows.length} mobile profiles: ${MARK.pass} no finding, ${MARK.fail} a finding, ${MARK['n/a']} does not apply (--format json has every profile)`,
    width - 2,
  ).map((l) => `  ${p.dim(l)}`);
  CHECKS.forEach((c, i) => {
    const failing = rows.filter((r) => r.cells[i] === 'fail').map((r) => r.tunnelGroup);
    const counts = `${String(count(i, 'pass')).padStart(4)} ${MARK.pass} ${String(failing.length).padStart(4)} ${failing.length > 0 ? p.severity('error', MARK.fail) : MARK.fail} ${String(count(i, 'n/a')).padStart(4)} ${MARK['n/a']}`;
    const lead = `    ${c.name.padEnd(nameWidth)}  ${counts}`;
    const shown = failing.slice(0, 3).join(', ') + (failing.length > 3 ? `, +${failing.length - 3} more` : '');
    const room = width - (4 + nameWidth + 2 + 24) - 2;
    out.push(shown === '' || room < 12 ? lead : `${lead}  ${p.dim(shown.length <= room ? shown : `${shown.slice(0, room - 1)}…`)}`);
  });
  return out;
}

/** The matrix drawn to fit `width` columns: full headers when they fit, short ones and a legend when not. */
export function renderReadiness(t: AuditTarget, width: number, p: Paint): string[] {
  const rows = readinessRows(t);
  if (rows.length === 0) return [];
  const overhead = (headers: string[]): number => headers.reduce((n, h) => n + h.length + 3, 0) + 1;
  const full = CHECKS.map((c) => c.name);
  const short = CHECKS.map((c) => c.short);
  // Too narrow for a table (under about 55 columns): a line per profile with what fails.
  if (overhead(short) + 3 + 8 + 2 > width) {
    const out = rows.flatMap((r) => {
      const failed = CHECKS.filter((_, i) => r.cells[i] === 'fail').map((c) => c.name);
      return wrapText(`${r.tunnelGroup}: ${failed.length === 0 ? '✓ ready' : `✗ ${failed.join(', ')}`}`, width - 2, '    ').map((l) => `  ${l}`);
    });
    return out;
  }
  // Many profiles: a row per check with counts (a hundred-row matrix is for machines: --format json).
  if (rows.length > MAX_MATRIX_ROWS) return summaryTable(rows, width, p);
  const headers = overhead(full) + 3 + 12 <= width ? full : short;
  const nameWidth = Math.max(8, Math.min(Math.max(...rows.map((r) => r.tunnelGroup.length), 7), width - overhead(headers) - 5));
  // Cells go in plain (the table package's ANSI-aware wrapping costs milliseconds per table) and
  // sized so nothing needs wrapping; colour is added to the drawn marks afterwards.
  const fit = (name: string): string => (name.length <= nameWidth ? name : `${name.slice(0, nameWidth - 1)}…`);
  const data = [['profile', ...headers], ...rows.map((r) => [fit(r.tunnelGroup), ...r.cells.map((c) => MARK[c])])];
  const drawn = table(data, {
    border: getBorderCharacters('norc'),
    columns: [{ width: nameWidth }, ...headers.map((h) => ({ width: h.length, alignment: 'center' as const }))],
    drawHorizontalLine: (i, n) => i === 0 || i === 1 || i === n,
  })
    .trimEnd()
    .replaceAll(MARK.fail, p.severity('error', MARK.fail))
    .replaceAll(MARK['n/a'], p.dim(MARK['n/a']));
  const legend = wrapText(
    headers === short
      ? `${CHECKS.map((c) => `${c.short} ${c.name}`).join(', ')}; ✓ no finding, ✗ a finding, – does not apply`
      : '✓ no finding, ✗ a finding (warning or error), – does not apply to how the profile is reached',
    width - 2,
  ).map((l) => `  ${p.dim(l)}`);
  return [...drawn.split('\n').map((l) => `  ${l}`), ...legend];
}

/** The checks' column names, in the order of `readinessRows` cells (the HTML report draws them too). */
export const CHECK_NAMES: readonly string[] = CHECKS.map((c) => c.name);
