// One connection profile's part of the HTML report: the iOS DNS picture (SVG) with a table of which
// names go where, the `because` chain, the findings with copyable fixes, and where each setting comes
// from. `profileHtml` is self-contained (no imports used at run time, no outer names): a small report
// calls it while writing the page, and a large one embeds its source and calls it in the browser when
// a profile is opened, so both draw the same thing from the same code.

import type { BecauseEntry } from '../../explain/ios-dns.js';
import type { InheritanceRow } from '../../explain/profile-view.js';

/** A finding as the page shows it (paths already relative, secrets already redacted). */
export interface PageFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  lineRole: 'offending' | 'should-set';
  lineText: string | null;
  file: string | null;
  fix: string | null;
  xmlFix: string | null;
  needsInput: string | null;
}

/** Everything one profile's section needs, as plain data (embedded as JSON in large reports). */
export interface ProfileDetails {
  /** The article's id; every id inside derives from it. */
  id: string;
  tunnelGroup: string;
  groupPolicy: string;
  external: boolean;
  usesDflt: boolean;
  dns: {
    row: string;
    outcome: 'all-tunneled' | 'all-clear' | 'split-dns-list' | 'default-domain-only' | 'undocumented';
    basis: 'guide' | 'inferred';
    sentence: string;
    tunneledDomains: string[];
    literalDomains: string[] | null;
    defaultDomain: string | null;
    tunnelsDns: boolean;
    dnsServers: string[];
    because: BecauseEntry[];
    warnings: string[];
    desktopNote: string;
  };
  inheritance: InheritanceRow[];
  findings: PageFinding[];
  /** Device-wide findings (NAT-T, client profile XML, DAP) that concern this profile too, and where they are. */
  deviceFindings: { count: number; anchor: string };
  helpUriBase: string;
}

export function profileHtml(p: ProfileDetails): string {
  const visible = (s: string): string =>
    s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) =>
      c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
  const esc = (s: string | number): string =>
    visible(String(s)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  // Messages mark CLI with `backticks`, as in Markdown: shown as code.
  const prose = (s: string): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
  const d = p.dns;
  let n = 0;
  const nextId = (): string => `${p.id}-c${++n}`;

  // Which names go where: tunnelled domains, the default domain, everything else.
  type Via = 'tunnel' | 'clear' | 'undocumented';
  const routes: Array<{ names: string; via: Via; note?: string }> = [];
  const under = (name: string): boolean => d.tunneledDomains.some((t) => name === t.toLowerCase() || name.endsWith(`.${t.toLowerCase()}`));
  const literal = d.literalDomains ?? [];
  if (d.outcome === 'all-tunneled') routes.push({ names: 'every name', via: 'tunnel' });
  else if (d.outcome === 'all-clear') routes.push({ names: 'every name', via: 'clear' });
  else if (d.outcome === 'undocumented')
    routes.push({
      names: 'every name',
      via: 'undocumented',
      note: `most likely through the tunnel (inferred); read literally, the guide ${literal.length > 0 ? `tunnels only ${literal.join(', ')}` : 'sends every query in the clear'}`,
    });
  else {
    for (const t of d.tunneledDomains) routes.push({ names: `${t} and names under it`, via: 'tunnel' });
    const dflt = d.defaultDomain;
    if (dflt !== null && !d.tunneledDomains.some((t) => t.toLowerCase() === dflt.toLowerCase()))
      routes.push({ names: `${dflt} (default domain) and names under it`, via: under(dflt.toLowerCase()) ? 'tunnel' : 'clear' });
    routes.push({ names: 'every other name', via: 'clear' });
  }
  const short = (r: { names: string }): string => r.names.replace(/ and names under it$/, '');
  const undocumented = d.outcome === 'undocumented';
  const tunnelNames = routes.filter((r) => r.via !== 'clear').map(short);
  const clearNames = routes.filter((r) => r.via === 'clear').map(short);
  if (undocumented) clearNames.push(literal.length > 0 ? `every name outside ${literal.join(', ')}` : 'every name');
  const fit = (items: string[], max: number): string => {
    const all = items.join(', ');
    return all.length <= max ? all : `${all.slice(0, max - 1)}…`;
  };
  const tunnelLabel = undocumented ? 'MOST LIKELY THROUGH THE TUNNEL (INFERRED)' : 'THROUGH THE TUNNEL';
  const clearLabel = undocumented ? 'READ LITERALLY, IN THE CLEAR' : 'IN THE CLEAR';
  const servers = d.dnsServers.length > 0 ? d.dnsServers.join(', ') : 'none pushed';
  const noResolver = d.tunnelsDns && d.dnsServers.length === 0;
  const tunnelStroke = tunnelNames.length > 0 ? '#1a6b2f' : '#8c959f';
  const clearStroke = clearNames.length > 0 ? '#a40e26' : '#8c959f';
  const pic = `${p.id}-dns`;
  const desc = `${d.sentence} ${undocumented ? 'Most likely through the tunnel (inferred)' : 'Through the tunnel'}: ${tunnelNames.join(', ') || 'nothing'}. ${undocumented ? 'Read literally, in the clear' : 'In the clear'}: ${clearNames.join(', ') || 'nothing'}. Tunnel DNS servers: ${servers}.`;
  // The phone and the two boxes are one <symbol> in the page (#dns-base); only what differs is here.
  const svg = `<svg viewBox="0 0 720 272" width="720" height="272" role="img" aria-labelledby="${pic}-t ${pic}-d" xmlns="http://www.w3.org/2000/svg"><title id="${pic}-t">${esc(`iOS DNS for ${p.tunnelGroup}: row ${d.row}`)}</title><desc id="${pic}-d">${esc(desc)}</desc><use href="#dns-base"/>
<rect x="140" y="70" width="320" height="44" rx="22" fill="#e6f2e9" stroke="${tunnelStroke}" stroke-width="2"/><text x="300" y="97" text-anchor="middle" font-size="13" fill="#1b1f24">VPN tunnel (encrypted)</text>
<path d="M116 92h24M460 92h22" stroke="${tunnelStroke}" stroke-width="3"/><path d="M480 84l10 8-10 8z" fill="${tunnelStroke}"/>
<text x="140" y="30" font-size="12" fill="#1a6b2f" font-weight="600">${tunnelLabel}: ${esc(fit(tunnelNames, 60) || 'nothing')}</text>
<text x="500" y="94" font-size="12" fill="${noResolver ? '#a40e26' : '#1b1f24'}">${esc(fit([servers], 30))}</text>${noResolver ? '<text x="500" y="114" font-size="12" font-weight="600" fill="#a40e26">no answer (row D0)</text>' : ''}
<path d="M116 180h366" stroke="${clearStroke}" stroke-width="3" stroke-dasharray="9 6"/><path d="M480 172l10 8-10 8z" fill="${clearStroke}"/>
<text x="140" y="236" font-size="12" fill="#a40e26" font-weight="600">${clearLabel}: ${esc(fit(clearNames, 65) || 'nothing')}</text>
<text x="20" y="262" font-size="12" fill="#1b1f24">Decision-table row ${esc(d.row)} (${d.basis === 'guide' ? 'stated by the guide' : 'inferred'})</text></svg>`;
  const word = { tunnel: 'through the tunnel', clear: 'in the clear', undocumented: 'not documented' };
  const routeTable = `<table class="routes"><caption class="visually-hidden">Where each name's query goes</caption><thead><tr><th scope="col">Names</th><th scope="col">Query goes</th></tr></thead><tbody>${routes
    .map(
      (r) =>
        `<tr data-via="${r.via}"><td>${esc(r.names)}</td><td><span class="via-${r.via}">${word[r.via]}</span>${r.note ? ` — ${esc(r.note)}` : ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const figure = `<figure class="dns" data-row="${esc(d.row)}" data-outcome="${esc(d.outcome)}" data-tunnelled="${esc(tunnelNames.join('|'))}" data-clear="${esc(clearNames.join('|'))}">
${svg}
<figcaption><span class="badge">Row ${esc(d.row)}</span> ${esc(d.sentence)}${noResolver ? ' <strong class="sev-error">No DNS server is pushed (row D0): the tunnelled queries get no answer.</strong>' : ''}</figcaption>
</figure>
${routeTable}`;

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
  const notes = d.warnings.length > 0 ? `<ul class="notes">${d.warnings.map((w) => `<li>${prose(w)}</li>`).join('')}</ul>` : '';

  const copyBlock = (label: string, text: string): string => {
    const id = nextId();
    return `<div class="fix"><p>${esc(label)} <button type="button" class="copy" data-for="${id}">Copy</button></p><pre id="${id}"><code>${esc(text)}</code></pre></div>`;
  };
  const severityWord = { error: 'Error', warning: 'Warning', info: 'Info' };
  const finding = (f: PageFinding): string => {
    const where =
      f.line === null
        ? ''
        : `<p class="where">${f.file !== null ? `<code>${esc(f.file)}</code> ` : ''}line ${f.line}${f.lineRole === 'should-set' ? ' (where the value should be set; no line sets it)' : ''}${
            f.lineText ? `: <code>${esc(f.lineText)}</code>` : ''
          }</p>`;
    return `<li class="${f.severity}" data-rule="${esc(f.ruleId)}"><p><span class="sev sev-${f.severity}">${severityWord[f.severity]}</span> <a href="${esc(`${p.helpUriBase.replace(/\/+$/, '')}/${f.ruleId}.md`)}"><code>${esc(f.ruleId)}</code></a>: ${prose(f.message)}</p>${where}${
      f.fix ? copyBlock('Fix (configuration mode):', f.fix) : ''
    }${f.xmlFix ? copyBlock('Change in the XML file:', f.xmlFix) : ''}${f.needsInput ? `<p><strong>Needs your input:</strong> ${prose(f.needsInput)}</p>` : ''}</li>`;
  };
  const own = p.findings.length === 0 ? '<p>No findings of its own.</p>' : `<ul class="findings">${p.findings.map(finding).join('')}</ul>`;
  const shared = p.deviceFindings.count;
  const findings = `${own}${shared > 0 ? `<p>Also for this profile: <a href="#${p.deviceFindings.anchor}">${shared} device-wide finding${shared === 1 ? '' : 's'}</a> of this headend.</p>` : ''}`;

  const cell = (value: { value: string; line?: number } | null, winner: boolean, extra = ''): string =>
    `<td${winner ? ' class="winner"' : ''}>${value === null ? '<span class="muted">not set</span>' : `<code>${esc(value.value)}</code>${value.line !== undefined ? ` <span class="muted">line ${value.line}</span>` : ''}${extra}`}</td>`;
  const inheritance = `<div class="scroll-x"><table class="inheritance"><thead><tr><th scope="col">Setting</th><th scope="col">Group-policy ${esc(p.groupPolicy)}</th><th scope="col">DfltGrpPolicy</th><th scope="col">Built-in default</th></tr></thead><tbody>${p.inheritance
    .map(
      (r) =>
        `<tr data-setting="${esc(r.setting)}" data-winner="${r.winner}"><th scope="row"><code>${esc(r.setting)}</code></th>${
          p.usesDflt ? '<td><span class="muted">uses DfltGrpPolicy</span></td>' : cell(r.own, r.winner === 'own')
        }${cell(r.dfltGrpPolicy, r.winner === 'DfltGrpPolicy')}${cell({ value: r.builtIn.value }, r.winner === 'built-in', ` <span class="muted">[${esc(r.builtIn.basis)}]</span>`)}</tr>`,
    )
    .join('')}</tbody></table></div>`;

  return `<article class="profile" id="${p.id}" data-profile="${esc(p.tunnelGroup)}" aria-labelledby="${p.id}-h">
<h3 id="${p.id}-h">${esc(p.tunnelGroup)} <span class="muted">(group-policy ${esc(p.groupPolicy)}${p.external ? ', external: values come from RADIUS at login' : ''})</span></h3>
<h4>iOS DNS</h4>
${figure}
<details open><summary>Because</summary>${because}</details>
${notes}
<p class="muted">${esc(d.desktopNote)}</p>
<h4>Findings</h4>
${findings}
<h4>Where each setting comes from</h4>
${inheritance}
</article>`;
}

/** The parts of the DNS picture every profile shares, defined once per page. */
export const DNS_BASE_SYMBOL = `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><symbol id="dns-base" viewBox="0 0 720 272">
<rect x="20" y="40" width="96" height="170" rx="16" fill="#f4f6f8" stroke="#1b1f24" stroke-width="2"/><rect x="50" y="50" width="36" height="5" rx="2" fill="#1b1f24"/>
<text x="68" y="120" text-anchor="middle" font-size="15" font-weight="600" fill="#1b1f24">iPhone</text><text x="68" y="140" text-anchor="middle" font-size="12" fill="#4f5862">iOS client</text>
<rect x="490" y="52" width="210" height="80" rx="6" fill="#fff" stroke="#1b1f24"/><text x="500" y="74" font-size="13" font-weight="600" fill="#1b1f24">Headend's DNS servers</text>
<rect x="490" y="146" width="210" height="70" rx="6" fill="#fff" stroke="#1b1f24"/><text x="500" y="168" font-size="13" font-weight="600" fill="#1b1f24">Phone's own resolver</text>
<text x="500" y="188" font-size="12" fill="#4f5862">Wi-Fi or cellular DNS,</text><text x="500" y="204" font-size="12" fill="#4f5862">outside the tunnel</text>
</symbol></svg>`;
