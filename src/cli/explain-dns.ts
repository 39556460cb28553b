// `asa-mobile-audit explain-dns FILE`: the iOS DNS outcome per connection profile.

import { isPlausibleHostname } from '../explain/query.js';
import { evaluateQuery, explainDevice, type IosDnsExplanation, type QueryVerdict } from '../explain/ios-dns.js';
import { analyseBytes, analyseFile } from '../audit/pipeline.js';
import { classifyProfiles } from '../engine/mobile-facing.js';
import { maxConfigBytes } from '../common/read-file.js';
import { renderExplainJson, type ExplainTarget } from '../report/explain-json.js';
import { renderExplainText } from '../report/explain-text.js';
import { outputWidth } from '../report/wrap.js';
import { nearest } from '../common/edit-distance.js';
import { ExitCode } from '../common/exit-codes.js';
import { complain, stdinBytes, type CliIo } from './io.js';
import { sideFileOptions } from './side-file-options.js';
import { UsageError } from './usage-error.js';

export interface ExplainDnsOptions {
  tunnelGroup?: string;
  query?: string;
  format: 'text' | 'json';
  allowIncomplete?: boolean;
  clientProfiles?: string;
  dap?: string;
}

export function explainDnsCommand(file: string, opts: ExplainDnsOptions, io: CliIo): number {
  if (opts.query !== undefined && !isPlausibleHostname(opts.query)) {
    throw new UsageError(`--query: \`${opts.query}\` is not a host name`);
  }
  // `-` reads the configuration from standard input, as `audit -` does.
  const analysed = file === '-' ? analyseBytes(stdinBytes(io), '<stdin>') : analyseFile(file, 'lenient', maxConfigBytes(io.env), sideFileOptions(opts, io.cwd));
  const targets: ExplainTarget[] = analysed.map((t) => ({
    summary: t.summary,
    explanations: explainDevice(t.resolved),
    notMobileFacing: new Map(classifyProfiles(t.resolved, !t.summary.complete).skipped.map((s) => [s.tunnelGroup, s.reason])),
  }));

  if (opts.tunnelGroup !== undefined) {
    const wanted = opts.tunnelGroup;
    const all = targets.flatMap((t) => t.explanations.map((e) => e.profile.name));
    for (const t of targets) t.explanations = t.explanations.filter((e) => e.profile.name === wanted);
    if (targets.every((t) => t.explanations.length === 0)) {
      const sameBut = all.find((n) => n.toLowerCase() === wanted.toLowerCase());
      const near = sameBut === undefined ? nearest(wanted, new Set(all)) : null;
      throw new UsageError(
        `${file}: no remote-access connection profile named \`${wanted}\`` +
          (sameBut !== undefined
            ? ` (names are case-sensitive; did you mean \`${sameBut}\`?)`
            : near !== null
              ? ` (did you mean \`${near}\`?)`
              : `; profiles: ${all.join(', ')}`),
      );
    }
  }
  if (opts.query !== undefined) {
    for (const t of targets) {
      t.queries = new Map<IosDnsExplanation, QueryVerdict>(t.explanations.map((e) => [e, evaluateQuery(e, opts.query!)]));
    }
  }

  io.stdout(opts.format === 'json' ? renderExplainJson(targets) : renderExplainText(targets, outputWidth(io.columns, io.env)));

  const incomplete = targets.filter((t) => !t.summary.complete);
  if (incomplete.length > 0 && !opts.allowIncomplete) {
    for (const t of incomplete) {
      const problem = t.summary.parseProblems.find((p) => p.code === 'incomplete');
      complain(
        io,
        `${t.summary.source}${problem?.line ? `:${problem.line}` : ''}: ${problem?.message ?? 'configuration is incomplete'} (use --allow-incomplete to accept it)`,
      );
    }
    return ExitCode.InputError;
  }
  return ExitCode.Ok;
}
