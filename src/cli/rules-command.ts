// `asa-mobile-audit rules [ID]`: the rule list, or one rule's documentation.

import { readFileSync } from 'node:fs';
import { RULES } from '../../rules/index.js';
import { nearest } from '../common/edit-distance.js';
import { ExitCode } from '../common/exit-codes.js';
import type { CliIo } from './io.js';
import { ruleDocPath } from './package-info.js';
import { UsageError } from './usage-error.js';
import { outputWidth } from '../report/wrap.js';

export async function rulesCommand(id: string | undefined, opts: { format: 'table' | 'json' }, io: CliIo): Promise<number> {
  if (id === undefined) {
    if (opts.format === 'json') {
      const list = RULES.map(({ meta: r }) => ({ id: r.id, severity: r.severity, title: r.title, scope: r.scope, basis: r.basis }));
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    } else {
      const { table, getBorderCharacters } = await import('table');
      const rows = [['id', 'severity', 'title'], ...RULES.map(({ meta: r }) => [r.id, r.severity, r.title])];
      // The title column takes what the id and severity columns leave of the terminal (80 when unknown).
      const idWidth = Math.max(...RULES.map((r) => r.meta.id.length));
      const titleWidth = Math.max(20, outputWidth(io.columns, io.env) - (idWidth + 3) - (8 + 3) - 4);
      io.stdout(
        table(rows, {
          border: getBorderCharacters('norc'),
          columns: { 0: { width: idWidth }, 1: { width: 8 }, 2: { width: titleWidth, wrapWord: true } },
          drawHorizontalLine: (i, n) => i === 0 || i === 1 || i === n,
        }),
      );
    }
    return ExitCode.Ok;
  }
  const rule = RULES.find((r) => r.meta.id === id)?.meta;
  if (!rule) {
    const ids = RULES.map((r) => r.meta.id);
    const typo = nearest(id, ids);
    const near = typo !== null ? [typo] : ids.filter((r) => r.includes(id) || id.includes(r));
    throw new UsageError(`no rule \`${id}\`${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; run `asa-mobile-audit rules` for the list'}`);
  }
  const doc = ruleDocPath(rule.id);
  io.stdout(doc ? readFileSync(doc, 'utf8') : `# ${rule.id}\n\n${rule.title}\n\n${rule.rationale}\n`);
  return ExitCode.Ok;
}
