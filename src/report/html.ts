// `audit --format html`: one self-contained page for the people who decide a mobile rollout. Per
// run a summary and a query box; per device the readiness matrix; per mobile-facing connection
// profile the iOS DNS picture, its `because` chain, its findings with their fixes, and where each
// setting that matters comes from. Inline CSS and SVG, one inline script, no request of any kind
// (a Content-Security-Policy says so to the browser). Deterministic: no timestamp unless asked.

import type { AuditTarget, ReportedFinding } from '../audit/result.js';
import { countBySeverity } from '../audit/result.js';
import type { ProfileView } from '../explain/profile-view.js';
import { CHECK_NAMES, readinessRows, type Cell } from './readiness.js';
import { helpUri, reportPath, type ReportInput } from './report-input.js';
import { clientScript } from './html/client-script.js';
import { dnsPicture } from './html/dns-picture.js';
import { esc, scriptJson, slug } from './html/escape.js';
import { STYLE } from './html/style.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;
const CELL: Record<Cell, { mark: string; word: string; cls: string }> = {
  pass: { mark: '✓', word: 'no finding', cls: 'cell-pass' },
  fail: { mark: '✗', word: 'finding', cls: 'cell-fail' },
  'n/a': { mark: '–', word: 'does not apply', cls: 'cell-na' },
};

/** Builds ids and fix blocks in one pass, so every id in the page is unique and stable. */
class Ids {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }
}

function deviceLabel(t: AuditTarget): string {
  return [t.summary.hostname ?? t.summary.source, t.summary.context !== null ? `context ${t.summary.context}` : null].filter(Boolean).join(' / ');
}

export default function renderHtml(input: ReportInput): string {
  const ids = new Ids();
  const counts = countBySeverity(input.targets);
  const mobile = input.targets.reduce((n, t) => n + t.mobileProfiles.length, 0);
  const incomplete = input.targets.filter((t) => !t.summary.complete);
  const profilesForQuery = input.targets.flatMap((t) => (t.views ?? []).map((v) => ({ device: deviceLabel(t), tunnelGroup: v.tunnelGroup, query: v.query })));
  const body = [
    `<header><h1>Mobile readiness of ASA VPN headends</h1><p class="meta">${esc(input.tool.name)} ${esc(input.tool.version)}${input.generatedAt ? ` — generated ${esc(input.generatedAt)}` : ''}</p></header>`,
    '<main>',
    summarySection(input, counts, mobile, incomplete),
    querySection(),
    ...input.targets.map((t, i) => deviceSection(t, i, input, ids)),
    '</main>',
    `<footer><p class="meta">Findings rest on Cisco's mobile guide; values marked [recalled] or [inferred] are assumptions (see docs/assumptions.md). Secrets in quoted lines are redacted.</p></footer>`,
    '<p id="copy-status" class="visually-hidden" aria-live="polite"></p>',
    `<script type="application/json" id="report-data">${scriptJson({ profiles: profilesForQuery })}</script>`,
    `<script>${clientScript()}</script>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mobile readiness report — ${esc(input.targets.length === 1 ? deviceLabel(input.targets[0]!) : `${input.targets.length} configurations`)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function summarySection(input: ReportInput, counts: Record<'error' | 'warning' | 'info', number>, mobile: number, incomplete: AuditTarget[]): string {
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
  return `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<table class="summary"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k!)}</th><td>${esc(v!)}</td></tr>`).join('')}</tbody></table>${errors}</section>`;
}

function querySection(): string {
  return `<section class="query-box" aria-labelledby="query-h"><h2 id="query-h">Does iOS send this name through the tunnel?</h2>
<form id="query-form" role="search"><label for="query-input">Host name</label> <input id="query-input" name="q" type="text" autocomplete="off" spellcheck="false" placeholder="intranet.example.com"> <button type="submit">Check</button></form>
<p class="muted">Answers per connection profile from the data in this page, with the logic of <code>explain-dns --query</code>.</p>
<div id="query-result" aria-live="polite"></div></section>`;
}

function deviceSection(t: AuditTarget, index: number, input: ReportInput, ids: Ids): string {
  const label = deviceLabel(t);
  const id = `device-${index + 1}-${slug(label)}`;
  const s = t.summary;
  const meta = [
    `source <code>${esc(reportPath(s.source, input.cwd))}</code>`,
    s.asaVersion ? `ASA ${esc(s.asaVersion)}` : null,
    s.complete ? 'complete configuration' : '<strong class="sev-error">incomplete configuration: findings may be missing</strong>',
  ]
    .filter(Boolean)
    .join(' · ');
  const deviceFindings = t.findings.filter((f) => f.tunnelGroup === null);
  const views = t.views ?? [];
  const parts = [
    `<section class="device" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(label)}</h2><p class="meta">${meta}</p>`,
    readinessTable(t, id),
    deviceFindings.length > 0 ? `<h3>Device-wide findings</h3>${findingList(deviceFindings, input, ids)}` : '',
    ...views.map((v, i) => profileArticle(v, t, `${id}-p${i + 1}`, input, ids)),
    views.length === 0 ? `<p>${t.mobileProfiles.length === 0 ? 'No mobile-facing connection profiles.' : 'No profile details in this report.'}</p>` : '',
    '</section>',
  ];
  return parts.join('\n');
}

function readinessTable(t: AuditTarget, id: string): string {
  const rows = readinessRows(t);
  if (rows.length === 0) return '';
  return `<h3 id="${id}-ready">Readiness</h3><table class="readiness" aria-labelledby="${id}-ready"><thead><tr><th scope="col">Connection profile</th>${CHECK_NAMES.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.tunnelGroup)}</th>${r.cells.map((c) => `<td class="cell ${CELL[c].cls}" data-cell="${c}"><span aria-hidden="true">${CELL[c].mark}</span> ${CELL[c].word}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function profileArticle(v: ProfileView, t: AuditTarget, id: string, input: ReportInput, ids: Ids): string {
  const findings = t.findings.filter((f) => f.tunnelGroup === v.tunnelGroup);
  const d = v.dns;
  const because = `<ol class="because">${d.because
    .map(
      (b) =>
        `<li><code>${esc(`${b.setting} ${b.value}`)}</code> — ${
          b.from === 'default'
            ? `built-in default${b.basis ? ` [${esc(b.basis)}]` : ''}`
            : `${b.from === 'DfltGrpPolicy' ? 'inherited from DfltGrpPolicy' : `set in group-policy ${esc(b.groupPolicy ?? '')}`}${b.line !== null ? `, line ${b.line}` : ''}`
        }</li>`,
    )
    .join('')}</ol>`;
  const notes = d.warnings.length > 0 ? `<ul class="notes">${d.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  return `<article class="profile" id="${id}" data-profile="${esc(v.tunnelGroup)}" aria-labelledby="${id}-h">
<h3 id="${id}-h">${esc(v.tunnelGroup)} <span class="muted">(group-policy ${esc(v.groupPolicy)}${v.policyLayer === 'external' ? ', external: values come from RADIUS at login' : ''})</span></h3>
<h4>iOS DNS</h4>
${dnsPicture(v, `${id}-dns`)}
<details open><summary>Because</summary>${because}</details>
${notes}
<p class="muted">${esc(d.desktopNote)}</p>
<h4>Findings</h4>
${findings.length === 0 ? '<p>No findings.</p>' : findingList(findings, input, ids)}
<h4>Where each setting comes from</h4>
${inheritanceTable(v)}
</article>`;
}

function findingList(findings: readonly ReportedFinding[], input: ReportInput, ids: Ids): string {
  return `<ul class="findings">${findings.map((f) => findingItem(f, input, ids)).join('')}</ul>`;
}

function findingItem(f: ReportedFinding, input: ReportInput, ids: Ids): string {
  const where =
    f.line === null
      ? ''
      : `<p class="where">${f.file !== null ? `<code>${esc(reportPath(f.file, input.cwd))}</code> ` : ''}line ${f.line}${f.lineRole === 'should-set' ? ' (where the value should be set; no line sets it)' : ''}${
          f.lineText ? `: <code>${esc(f.lineText)}</code>` : ''
        }</p>`;
  const block = (label: string, text: string): string => {
    const id = ids.next('fix');
    return `<div class="fix"><p>${label} <button type="button" class="copy" data-for="${id}">Copy</button></p><pre id="${id}"><code>${esc(text)}</code></pre></div>`;
  };
  return `<li class="${f.severity}" data-rule="${esc(f.ruleId)}"><p><span class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</span> <a href="${esc(helpUri(input.helpUriBase, f.ruleId))}"><code>${esc(f.ruleId)}</code></a>: ${esc(f.message)}</p>${where}${
    f.fix ? block('Fix (configuration mode):', f.fix) : ''
  }${f.xmlFix ? block('Change in the XML file:', f.xmlFix) : ''}${f.needsInput ? `<p><strong>Needs your input:</strong> ${esc(f.needsInput)}</p>` : ''}</li>`;
}

function inheritanceTable(v: ProfileView): string {
  const cell = (value: { value: string; line?: number } | null, winner: boolean, extra = ''): string =>
    `<td${winner ? ' class="winner"' : ''}>${value === null ? '<span class="muted">not set</span>' : `<code>${esc(value.value)}</code>${value.line !== undefined ? ` <span class="muted">line ${value.line}</span>` : ''}${extra}`}</td>`;
  return `<table class="inheritance"><thead><tr><th scope="col">Setting</th><th scope="col">Group-policy ${esc(v.groupPolicy)}</th><th scope="col">DfltGrpPolicy</th><th scope="col">Built-in default</th></tr></thead><tbody>${v.inheritance
    .map(
      (r) =>
        `<tr data-setting="${esc(r.setting)}" data-winner="${r.winner}"><th scope="row"><code>${esc(r.setting)}</code></th>${
          v.policyLayer === 'DfltGrpPolicy' ? '<td><span class="muted">uses DfltGrpPolicy</span></td>' : cell(r.own, r.winner === 'own')
        }${cell(r.dfltGrpPolicy, r.winner === 'DfltGrpPolicy')}${cell({ value: r.builtIn.value }, r.winner === 'built-in', ` <span class="muted">[${esc(r.builtIn.basis)}]</span>`)}</tr>`,
    )
    .join('')}</tbody></table>`;
}
