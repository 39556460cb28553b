// `explain-dns` as text for a person: per profile, one sentence and the chain of settings behind it.

import type { BecauseEntry, ExplainedClientProfile } from '../explain/ios-dns.js';
import type { ExplainTarget } from './explain-json.js';
import { mixesConfigurations, type TargetSummary } from '../model/summary.js';
import { visibleLines } from '../common/control-chars.js';
import { wrapText } from './wrap.js';

export function describeSource(b: Pick<BecauseEntry, 'from' | 'groupPolicy' | 'line' | 'basis'>): string {
  switch (b.from) {
    case 'group-policy':
      return `set in group-policy ${b.groupPolicy}, line ${b.line}`;
    case 'DfltGrpPolicy':
      return `inherited from DfltGrpPolicy, line ${b.line}`;
    case 'global':
      return `line ${b.line}`;
    case 'default':
      return `built-in default${b.basis === 'recalled' || b.basis === 'inferred' ? ` [${b.basis}]` : ''}`;
  }
}

function describeClientProfile(c: ExplainedClientProfile): string {
  switch (c.status) {
    case 'read':
      return `${c.name} (${c.file}), read from ${c.readFrom ?? '?'}: the phone receives this profile with the connection.`;
    case 'malformed':
      return `${c.name} (${c.file}), read from ${c.readFrom ?? '?'}, is not a readable client profile (see client-profile-file-missing).`;
    case 'missing':
      return `${c.name} (${c.file}): its XML was not found.`;
    case 'not-searched':
      return `${c.name} (${c.file}); its XML was not given (--client-profiles DIR, or keep it beside the configuration).`;
    case 'undefined':
      return `${c.name}: no \`anyconnect profiles ${c.name} ...\` line defines it.`;
  }
}

export function targetHeading(s: TargetSummary): string[] {
  const device = [s.hostname ?? 'unknown hostname', s.asaVersion ? `ASA ${s.asaVersion}` : 'ASA version unknown'];
  const where = s.context ? ` [context ${s.context}]` : s.space === 'system' ? ' [system execution space]' : '';
  const out = [`${s.source}${where}: ${device.join(', ')}`];
  if (!s.complete)
    out.push(
      mixesConfigurations(s)
        ? '  !! NOT ONE configuration: results below mix two; audit each on its own.'
        : '  !! INCOMPLETE configuration: results below cover only what the file holds.',
    );
  for (const p of s.parseProblems) {
    if (p.severity === 'info') continue;
    out.push(`  ${p.severity}${p.line !== null ? ` (line ${p.line})` : ''}: ${p.message}`);
  }
  // Informational notes (decoded bytes, pager debris) are counted, not listed: --format json has them.
  const notes = s.parseProblems.filter((p) => p.severity === 'info');
  if (notes.length > 0) {
    const first = notes[0]!;
    out.push(
      `  note: ${notes.length} input note${notes.length === 1 ? '' : 's'}, first${first.line !== null ? ` (line ${first.line})` : ''}: ${first.message}${notes.length > 1 ? ' (--format json lists all)' : ''}`,
    );
  }
  return out;
}

export function renderExplainText(targets: ExplainTarget[], width = 80): string {
  // Prose wraps to the width, continuation lines indented under their label.
  const say = (label: string, text: string, indent = 2): string[] =>
    wrapText(`${label}${text}`, width - indent, ' '.repeat(label.length)).map((l) => `${' '.repeat(indent)}${l}`);
  const out: string[] = [];
  for (const t of targets) {
    if (out.length > 0) out.push('');
    out.push(...targetHeading(t.summary));
    if (t.explanations.length === 0) {
      out.push(
        '',
        t.summary.space === 'system' ? '  The system execution space terminates no VPN; see the contexts.' : '  No remote-access connection profiles.',
      );
    }
    for (const e of t.explanations) {
      const p = e.profile;
      const policy = p.policyLayer === 'DfltGrpPolicy' ? 'DfltGrpPolicy' : `group-policy ${p.groupPolicy}`;
      out.push('', `${p.name}  (${policy}${p.tunnelGroup.builtIn && p.tunnelGroup.firstLine === null ? '; built-in, not printed in the config' : ''})`);
      const unreachable = t.notMobileFacing.get(p.name);
      if (unreachable !== undefined)
        out.push(
          ...say(
            'not mobile-facing: ',
            `${unreachable}; AnyConnect clients cannot reach this profile (the audit skips it), so what follows is what a phone would get if it could.`,
          ),
        );
      out.push(...say('iOS: ', e.sentence));
      if (e.basis === 'inferred') out.push(...say('', `(row ${e.row} of the decision table: inferred, not stated by the mobile guide)`));
      if (e.literal) out.push(...say(`read literally (row ${e.literal.row}): `, e.literal.sentence));
      out.push('  because:');
      for (const b of e.because) out.push(...say('', `${b.setting} ${b.value} — ${describeSource(b)}`, 4));
      for (const w of e.warnings) out.push(...say('note: ', w));
      out.push(...say('desktop: ', e.desktopNote));
      for (const c of e.clientProfiles) out.push(...say('client profile: ', describeClientProfile(c)));
      const q = t.queries?.get(e);
      if (q) {
        const target = q.resolvedName !== q.query ? `${q.query} (as ${q.resolvedName})` : q.query;
        const via =
          q.via === 'tunnel'
            ? 'through the tunnel'
            : q.via === 'clear'
              ? q.clearTo === 'excluded-dns-server'
                ? 'in the clear, to a DNS server the split-tunnel list excludes'
                : "to the device's own resolver, in the clear"
              : `undocumented (most likely ${q.likely === 'tunnel' ? 'through the tunnel' : 'in the clear'}; read literally, ${q.literal === 'tunnel' ? 'through the tunnel' : 'in the clear'})`;
        out.push(...say(`query ${target}: `, `${via} — ${q.reason}`));
      }
    }
  }
  return `${visibleLines(out.join('\n'))}\n`;
}
