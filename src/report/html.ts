// `audit --format html`: one self-contained page for the people who decide a mobile rollout. Per
// run a summary and a query box; per device the readiness matrix; per mobile-facing connection
// profile the iOS DNS picture, its `because` chain, its findings with their fixes, and where each
// setting that matters comes from. Inline CSS and SVG, inline script, no request of any kind (a
// Content-Security-Policy says so to the browser). Deterministic: no timestamp unless asked.
//
// A large run (hundreds of profiles) would make a page no browser opens quickly: there each profile is
// a closed <details> whose section the page draws when it is opened (or printed), from data embedded
// per device, with the same function that draws a small report's sections here.

import type { AuditTarget } from '../audit/result.js';
import { countBySeverity } from '../audit/result.js';
import { dapNotChecked, pickedNotMobile } from './target-notes.js';
import type { ProfileView } from '../explain/profile-view.js';
import { CHECK_NAMES, readinessRows, type Cell, type ReadinessRow } from './readiness.js';
import { reportPath, type ReportInput } from './report-input.js';
import { esc, scriptJson, slug } from './html/escape.js';
import { findingList, htmlDocument, Ids, type FindingContext } from './html/page.js';
import { DNS_BASE_SYMBOL, profileHtml, type PageFinding, type ProfileDetails } from './html/profile-html.js';

/** Up to this many profiles in a run, every profile's section is in the page as written. */
export const INLINE_PROFILES = 200;
/** Above this many profiles on a device, the readiness matrix is summarised per check (as in the terminal). */
const MAX_MATRIX_ROWS = 20;

const CELL: Record<Cell, { mark: string; word: string; cls: string }> = {
  pass: { mark: '✓', word: 'no finding', cls: 'cell-pass' },
  fail: { mark: '✗', word: 'finding', cls: 'cell-fail' },
  'n/a': { mark: '–', word: 'does not apply', cls: 'cell-na' },
};

function baseLabel(t: AuditTarget): string {
  return [t.summary.hostname ?? t.summary.source, t.summary.context !== null ? `context ${t.summary.context}` : null].filter(Boolean).join(' / ');
}

// Each device's name in the page; two configurations of the same hostname also name their file, so
// every section (a landmark) and every row of the query box is told apart.
const LABELS = new WeakMap<AuditTarget, string>();
function deviceLabel(t: AuditTarget): string {
  return LABELS.get(t) ?? baseLabel(t);
}
function labelDevices(targets: readonly AuditTarget[]): void {
  const count = new Map<string, number>();
  for (const t of targets) count.set(baseLabel(t), (count.get(baseLabel(t)) ?? 0) + 1);
  for (const t of targets) LABELS.set(t, count.get(baseLabel(t))! > 1 && t.summary.hostname !== null ? `${baseLabel(t)} (${t.summary.source})` : baseLabel(t));
}

export default function renderHtml(input: ReportInput): string {
  labelDevices(input.targets);
  const ctx: FindingContext = { ids: new Ids(), helpUriBase: input.helpUriBase, path: (f) => reportPath(f, input.cwd) };
  const counts = countBySeverity(input.targets);
  const mobile = input.targets.reduce((n, t) => n + t.mobileProfiles.length, 0);
  const incomplete = input.targets.filter((t) => !t.summary.complete);
  const inline = input.targets.reduce((n, t) => n + (t.views?.length ?? 0), 0) <= INLINE_PROFILES;
  return htmlDocument({
    title: `Mobile readiness report — ${input.targets.length === 1 ? deviceLabel(input.targets[0]!) : `${input.targets.length} configurations`}`,
    heading: 'Mobile readiness of ASA VPN headends',
    tool: input.tool,
    generatedAt: input.generatedAt,
    sections: [
      DNS_BASE_SYMBOL,
      summarySection(input, counts, mobile, incomplete, inline),
      querySection(),
      ...input.targets.map((t, i) => deviceSection(t, i, input, ctx, inline)),
    ],
    data: { profiles: input.targets.flatMap((t) => (t.views ?? []).map((v) => ({ device: deviceLabel(t), tunnelGroup: v.tunnelGroup, query: v.query }))) },
    lazy: !inline,
  });
}

function summarySection(
  input: ReportInput,
  counts: Record<'error' | 'warning' | 'info', number>,
  mobile: number,
  incomplete: AuditTarget[],
  inline: boolean,
): string {
  const rows = [
    ['Configurations audited', String(input.targets.length)],
    ['Mobile-facing connection profiles', String(mobile)],
    ['Errors', String(counts.error)],
    ['Warnings', String(counts.warning)],
    ['Info', String(counts.info)],
    ['Not fully collected', incomplete.length === 0 ? 'none' : incomplete.map((t) => deviceLabel(t)).join(', ')],
  ];
  const errors =
    input.inputErrors.length === 0
      ? ''
      : `<h3>Not audited</h3><ul>${input.inputErrors.map((e) => `<li><code>${esc(reportPath(e.file, input.cwd))}</code>: ${esc(e.message)}</li>`).join('')}</ul>`;
  const skipped = input.skippedFiles ?? [];
  const skippedList =
    skipped.length === 0
      ? ''
      : `<details><summary>Not audited (${skipped.length})</summary><ul>${skipped.map((f) => `<li><code>${esc(reportPath(f.file, input.cwd))}</code>: ${esc(f.reason)}</li>`).join('')}</ul></details>`;
  const note = inline ? '' : `<p class="muted">${mobile} profiles: open a profile to see its DNS picture, findings and settings (printing shows them all).</p>`;
  return `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<table class="summary"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k!)}</th><td>${esc(v!)}</td></tr>`).join('')}</tbody></table>${errors}${skippedList}${note}</section>`;
}

function querySection(): string {
  return `<section class="query-box" aria-labelledby="query-h"><h2 id="query-h">Does iOS send this name through the tunnel?</h2>
<form id="query-form" role="search"><label for="query-input">Host name</label> <input id="query-input" name="q" type="text" autocomplete="off" spellcheck="false" placeholder="intranet.example.com"> <button type="submit">Check</button></form>
<p class="muted">Answers per connection profile from the data in this page, with the logic of <code>explain-dns --query</code>.</p>
<div id="query-result" aria-live="polite"></div></section>`;
}

/** A profile's section data: its view, its findings as the page shows them. */
function details(v: ProfileView, t: AuditTarget, id: string, input: ReportInput): ProfileDetails {
  return {
    id,
    tunnelGroup: v.tunnelGroup,
    groupPolicy: v.groupPolicy,
    external: v.policyLayer === 'external',
    usesDflt: v.policyLayer === 'DfltGrpPolicy',
    dns: {
      row: v.dns.row,
      outcome: v.dns.outcome,
      basis: v.dns.basis,
      sentence: v.dns.sentence,
      tunneledDomains: v.dns.tunneledDomains,
      literalDomains: v.dns.literal?.tunneledDomains ?? null,
      defaultDomain: v.dns.defaultDomain,
      tunnelsDns: v.dns.tunnelsDns,
      dnsServers: v.dns.dnsServers,
      because: v.dns.because,
      warnings: v.dns.warnings,
      desktopNote: v.dns.desktopNote,
    },
    inheritance: v.inheritance,
    findings: t.findings
      .filter((f) => f.tunnelGroup === v.tunnelGroup)
      .map((f): PageFinding => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        lineRole: f.lineRole,
        lineText: f.lineText,
        file: f.file === null ? null : reportPath(f.file, input.cwd),
        fix: f.fix,
        xmlFix: f.xmlFix,
        needsInput: f.needsInput,
      })),
    deviceFindings: { count: t.findings.filter((f) => f.tunnelGroup === null).length, anchor: `${id.replace(/-p\d+$/, '')}-device-findings` },
    helpUriBase: input.helpUriBase,
  };
}

function deviceSection(t: AuditTarget, index: number, input: ReportInput, ctx: FindingContext, inline: boolean): string {
  const label = deviceLabel(t);
  const id = `device-${index + 1}-${slug(baseLabel(t))}`;
  const s = t.summary;
  const meta = [
    `source <code>${esc(reportPath(s.source, input.cwd))}</code>`,
    s.asaVersion ? `ASA ${esc(s.asaVersion)}` : null,
    s.complete ? 'complete configuration' : `<strong class="sev-error">incomplete configuration: findings may be missing</strong>${incompleteWhy(s)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const deviceFindings = t.findings.filter((f) => f.tunnelGroup === null);
  const unchecked = t.clientProfiles.filter((c) => c.status === 'not-searched' && c.assignedTo.length > 0);
  const uncheckedNote =
    unchecked.length > 0
      ? `<p class="muted">Client profile ${unchecked.map((c) => `<code>${esc(c.file)}</code>`).join(', ')} not checked: its XML was not found beside the configuration (give <code>--client-profiles DIR</code>).</p>`
      : '';
  const dapNote = dapNotChecked(t.dap);
  const uncheckedDap = [...(dapNote === null ? [] : [dapNote]), ...pickedNotMobile(t)].map((n) => `<p class="muted">${esc(n)}</p>`).join('');
  const all = (t.views ?? []).map((v, i) => details(v, t, `${id}-p${i + 1}`, input));
  const profiles = inline
    ? all.map(profileHtml)
    : [
        `<script type="application/json" id="${id}-data">${scriptJson(shareRepeats(all))}</script>`,
        ...all.map(
          (p, i) =>
            `<details class="profile-lazy" data-source="${id}-data" data-index="${i}"><summary>${esc(p.tunnelGroup)} — <span class="badge">Row ${esc(p.dns.row)}</span> ${p.findings.length} finding${p.findings.length === 1 ? '' : 's'}</summary></details>`,
        ),
      ];
  return [
    `<section class="device" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(label)}</h2><p class="meta">${meta}</p>`,
    readinessTable(t, id),
    uncheckedNote,
    uncheckedDap,
    deviceFindings.length > 0 ? `<h3 id="${id}-device-findings">Device-wide findings</h3>${findingList(deviceFindings, ctx)}` : '',
    ...(all.length > 0 && !inline ? [`<h3>Connection profiles</h3>`] : []),
    ...profiles,
    all.length === 0 ? `<p>${t.mobileProfiles.length === 0 ? 'No mobile-facing connection profiles.' : 'No profile details in this report.'}</p>` : '',
    '</section>',
  ].join('\n');
}

/**
 * Profiles on one policy share their DNS outcome and inheritance, and often findings: each distinct
 * value is embedded once (`shared`) and profiles refer to it by index, which keeps a fleet's page small.
 */
function shareRepeats(all: readonly ProfileDetails[]): { shared: unknown[]; profiles: unknown[] } {
  const index = new Map<string, number>();
  const shared: unknown[] = [];
  const ref = (value: unknown): number => {
    const key = JSON.stringify(value);
    let i = index.get(key);
    if (i === undefined) {
      i = shared.push(value) - 1;
      index.set(key, i);
    }
    return i;
  };
  return { shared, profiles: all.map((p) => ({ ...p, dns: ref(p.dns), inheritance: ref(p.inheritance), findings: p.findings.map(ref) })) };
}

function readinessTable(t: AuditTarget, id: string): string {
  const rows = readinessRows(t);
  if (rows.length === 0) return '';
  const head = `<h3 id="${id}-ready">Readiness</h3>`;
  // In a narrow window the matrix scrolls in its own box, not the whole page.
  if (rows.length > MAX_MATRIX_ROWS) return `${head}<div class="scroll-x">${readinessSummary(rows, id)}</div>`;
  return `${head}<div class="scroll-x"><table class="readiness" aria-labelledby="${id}-ready"><thead><tr><th scope="col">Connection profile</th>${CHECK_NAMES.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.tunnelGroup)}</th>${r.cells.map((c) => `<td class="cell ${CELL[c].cls}" data-cell="${c}"><span aria-hidden="true">${CELL[c].mark}</span> ${CELL[c].word}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

/** Many profiles: a row per check with its counts and the profiles that fail it (as the terminal does). */
function readinessSummary(rows: readonly ReadinessRow[], id: string): string {
  return `<table class="readiness" aria-labelledby="${id}-ready"><thead><tr><th scope="col">Check</th><th scope="col">${CELL.pass.mark} no finding</th><th scope="col">${CELL.fail.mark} finding</th><th scope="col">${CELL['n/a'].mark} does not apply</th><th scope="col">Profiles with a finding</th></tr></thead><tbody>${CHECK_NAMES.map(
    (name, i) => {
      const count = (c: Cell): number => rows.filter((r) => r.cells[i] === c).length;
      const failing = rows.filter((r) => r.cells[i] === 'fail').map((r) => r.tunnelGroup);
      const shown = failing.slice(0, 10).join(', ') + (failing.length > 10 ? `, and ${failing.length - 10} more` : '');
      return `<tr><th scope="row">${esc(name)}</th><td>${count('pass')}</td><td class="${failing.length > 0 ? 'cell-fail' : ''}">${failing.length}</td><td>${count('n/a')}</td><td>${esc(shown) || '—'}</td></tr>`;
    },
  ).join('')}</tbody></table>`;
}

/** Where and why a configuration stops (the parser's `incomplete` problem), for the page's header line. */
function incompleteWhy(s: AuditTarget['summary']): string {
  const p = s.parseProblems.find((x) => x.code === 'incomplete');
  return p === undefined ? '' : ` (${esc(p.message)})`;
}
