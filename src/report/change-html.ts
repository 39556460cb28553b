// `diff --format html` and `plan --format html`: the audit report's page with the sections of a
// change. For diff: per device, what changes for each connection profile (settings with where each
// side comes from, the iOS DNS outcome before and after) and the findings it brings or closes. For
// plan: the script to paste and its rollback (copy buttons), what needs the user's input, what it
// closes and what remains, and what changes for each profile.

import { capitalised } from '../common/capitalised.js';
import type { DeviceDiff, NotPlanned, PlanTarget, ProfileDiff } from '../change/result.js';
import { introducedParts } from '../change/result.js';
import type { ReportedFinding } from '../audit/result.js';
import { d0Words, type IosDnsSummary } from '../explain/ios-dns.js';
import { changedDevices, isChanged, verdictLine } from './change-text.js';
import {
  copyWords,
  DEVICE_WIDE,
  deviceTitle,
  hasOldSide,
  incompleteLines,
  notComparedWhy,
  outcomeWords,
  plural,
  reachWords,
  resolvedParts,
  goneHeading,
  UNSEEN_HEADING,
  UNSEEN_OLD_HEADING,
  LOWERED_HEADING,
  loweredPrefix,
  unseenWords,
  findingTotals,
  settingLine,
  type ChangeReportInput,
  undoHeading,
  pasteWhere,
  groupedRemains,
  UNSURE_HEADING,
  NOT_PLANNED_HEADING,
  notPlannedWords,
} from './change-words.js';
import { esc, prose, slug } from './html/escape.js';
import { copyBlock, findingList, htmlDocument, Ids, type FindingContext } from './html/page.js';

function dnsCell(s: IosDnsSummary | null): string {
  return s === null
    ? '<span class="muted">—</span>'
    : `<span class="badge">${esc(s.row)}</span> ${esc(outcomeWords(s).replace(/ \(D\d\)$/, ''))}${s.tunneledDomains.length > 0 ? `: ${esc(s.tunneledDomains.join(', '))}` : ''}${
        // Row D0 holds whatever the row: with no resolver pushed, no query reaches corporate DNS (M4).
        s.noResolver ? `<br><strong>no tunnel resolver pushed (row D0): ${esc(d0Words(s.row))}</strong>` : ''
      }`;
}

function profileTable(profiles: readonly ProfileDiff[]): string {
  if (profiles.length === 0) return '';
  return `<table class="changes"><thead><tr><th scope="col">Connection profile</th><th scope="col">Change</th><th scope="col">Settings</th><th scope="col">iOS DNS before</th><th scope="col">iOS DNS after</th></tr></thead><tbody>${profiles
    .map((p) => {
      const reach = reachWords(p, profiles);
      const compared = hasOldSide(p) && p.status !== 'removed';
      const settings = compared ? p.settings.map(settingLine) : [];
      const dnsChanged =
        p.iosDns.old?.row !== p.iosDns.new?.row || p.iosDns.old?.outcome !== p.iosDns.new?.outcome || p.iosDns.old?.noResolver !== p.iosDns.new?.noResolver;
      return `<tr data-profile="${esc(p.tunnelGroup)}" data-status="${p.status}"><th scope="row">${esc(p.tunnelGroup)}</th><td>${esc(p.status)}${esc(unseenWords(p))}${esc(copyWords(p))}${reach ? `, <strong>${esc(reach)}</strong>` : ''}</td><td>${
        settings.length > 0 ? `<ul>${settings.map((l) => `<li><code>${esc(l)}</code></li>`).join('')}</ul>` : '<span class="muted">—</span>'
      }</td><td>${dnsCell(hasOldSide(p) ? p.iosDns.old : null)}</td><td>${dnsCell(p.status === 'removed' ? null : p.iosDns.new)}${dnsChanged && compared ? ' <strong>(changed)</strong>' : ''}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

/** How the page links rule ids, and when it was made (only with --timestamp). */
export interface HtmlChangeOptions {
  helpUriBase: string;
  generatedAt?: string | undefined;
}

/** The findings a device no longer has: fixed, then those gone without a fix (with the device, or with profiles that lost reach). */
function resolvedSections(d: DeviceDiff, ctx: FindingContext): string {
  const { fixed, gone, unsure, unseen } = resolvedParts(d);
  const list = (fs: readonly ReportedFinding[]): string => (fs.length > 0 ? findingList(fs, ctx, true, true) : '<p>None.</p>');
  // A removed device: everything went with it.
  if (d.new === null) return `<h3>${capitalised(goneHeading(d))} (${gone.length})</h3>${list(gone)}`;
  // The heading of fixes shows alone, or when there are fixes: not an empty one above the others.
  const fixedPart = fixed.length > 0 || unsure.length + gone.length + unseen.length === 0 ? `<h3>Findings resolved (${fixed.length})</h3>${list(fixed)}` : '';
  return `${fixedPart}${unsure.length > 0 ? `\n<h3>${capitalised(UNSURE_HEADING)} (${unsure.length})</h3>${list(unsure)}` : ''}${gone.length > 0 ? `\n<h3>${capitalised(goneHeading(d))} (${gone.length})</h3>${list(gone)}` : ''}${
    unseen.length > 0 ? `\n<h3>${capitalised(UNSEEN_HEADING)} (${unseen.length})</h3>${list(unseen)}` : ''
  }`;
}

export function renderDiffHtml(input: ChangeReportInput, options: HtmlChangeOptions): string {
  const ctx: FindingContext = { ids: new Ids(), helpUriBase: options.helpUriBase, path: (f) => input.fileOf(f) };
  const { introduced, resolved, gone, lostReach, unsure, unseen } = findingTotals(input.diffs);
  const changed = input.diffs.filter(isChanged);
  const summary = `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><table class="summary"><tbody>
<tr><th scope="row">Devices changed</th><td>${changedDevices(input.diffs)} of ${input.diffs.filter((d) => d.compared).length}</td></tr>${
    input.diffs.some((d) => !d.compared)
      ? `<tr><th scope="row">Not compared ${esc(notComparedWhy(input.diffs))}</th><td>${input.diffs.filter((d) => !d.compared).length}</td></tr>`
      : ''
  }
<tr><th scope="row">Findings introduced</th><td>${introduced}</td></tr>
<tr><th scope="row">Findings resolved</th><td>${resolved}${unsure > 0 ? ` (${unsure} on profiles that lost a protocol: check)` : ''}</td></tr>${gone > 0 ? `\n<tr><th scope="row">Findings gone with removed devices</th><td>${gone}</td></tr>` : ''}${
    lostReach > 0
      ? `\n<tr><th scope="row">Findings no longer reported: their profiles were removed or lost reach (not fixed)</th><td>${lostReach}</td></tr>`
      : ''
  }${unseen > 0 ? `\n<tr><th scope="row">Findings not checked: their profiles are not in the part a cut-short configuration holds</th><td>${unseen}</td></tr>` : ''}</tbody></table>${
    (input.problems ?? []).length > 0
      ? `<h3>Lines of the change not applied, not simulated or to check</h3><ul>${input.problems!.map((p) => `<li><code>${esc(input.scriptFile ?? 'change')}</code> line ${p.line}: ${p.severity}: ${esc(p.message)}</li>`).join('')}</ul>`
      : ''
  }</section>`;
  const devices = changed.map((d, i) => {
    const id = `device-${i + 1}-${slug(deviceTitle(d))}`;
    const parts = introducedParts(d);
    return `<section class="device" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(deviceTitle(d))}</h2><p class="meta"><code>${esc(d.old ?? '(none)')}</code> → <code>${esc(d.new ?? '(none)')}</code></p>
${incompleteLines(d)
  .map((l) => `<p><strong>${esc(l.slice(0, l.indexOf(':')))}</strong>${esc(l.slice(l.indexOf(':')))}</p>`)
  .join('')}
${
  !d.compared
    ? ''
    : `${d.device.length > 0 ? `<h3>Device settings</h3><ul>${d.device.map((s) => `<li><code>${esc(settingLine(s))}</code></li>`).join('')}</ul>` : ''}
<h3>Connection profiles</h3>${profileTable(d.profiles.filter((p) => p.status !== 'unchanged')) || '<p>No connection profile changes.</p>'}
<h3>Findings introduced (${parts.news.length})</h3>${parts.news.length > 0 ? findingList(parts.news, ctx, true) : '<p>None.</p>'}${
        parts.unseen.length > 0 ? `\n<h3>${capitalised(UNSEEN_OLD_HEADING)} (${parts.unseen.length})</h3>${findingList(parts.unseen, ctx, true)}` : ''
      }${
        d.findings.lowered.length > 0
          ? `\n<h3>${capitalised(LOWERED_HEADING)} (${d.findings.lowered.length})</h3><ul>${d.findings.lowered.map((l) => `<li>${esc(l.finding.severity)} ${esc(loweredPrefix(l))} <code>${esc(l.finding.ruleId)}</code>${l.finding.tunnelGroup ? ` (${esc(l.finding.tunnelGroup)})` : ''}: ${esc(l.finding.message)}</li>`).join('')}</ul>`
          : ''
      }
${resolvedSections(d, ctx)}`
}
</section>`;
  });
  return htmlDocument({
    title: `Change report — ${plural(changedDevices(input.diffs), 'device')} changed`,
    heading: 'What the change does to mobile clients',
    tool: input.tool,
    generatedAt: options.generatedAt,
    sections: [summary, ...devices, changed.length === 0 ? '<p>No change to any connection profile.</p>' : ''],
    data: { profiles: [] },
  });
}

export function renderPlanHtml(
  targets: readonly PlanTarget[],
  tool: { name: string; version: string },
  options: HtmlChangeOptions,
  notPlanned: readonly NotPlanned[] = [],
): string {
  const ids = new Ids();
  const sections = targets.map((t, i) => {
    const title = `${t.hostname ?? t.source}${t.context ? ` / context ${t.context}` : ''}`;
    const id = `device-${i + 1}-${slug(title)}`;
    const item = (x: { ruleId: string; tunnelGroup: string | null }, text: string): string =>
      `<li><code>${esc(x.ruleId)}</code>${x.tunnelGroup ? ` (${esc(x.tunnelGroup)})` : ''}: ${prose(text)}</li>`;
    return `<section class="device" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2><p class="meta"><code>${esc(t.source)}</code></p>
<p><strong>${prose(verdictLine(t))}</strong></p>
${t.notes.length > 0 ? `<h3>Before you paste</h3><ul>${t.notes.map((n) => `<li>${prose(n)}</li>`).join('')}</ul>` : ''}
${t.script !== '' ? `<h3>Script</h3>${copyBlock(`${pasteWhere(t.script)}:`, t.script, ids)}` : '<p>Nothing to paste.</p>'}
${
  t.needsInput.length > 0
    ? `<h3>Needs your input (not in the script)</h3><ul>${t.needsInput
        .map((n) =>
          n.cli === undefined
            ? item(n, n.what)
            : item(n, `${n.what}:`).replace(
                /<\/li>$/,
                `${copyBlock('Paste later, in configuration mode:', n.cli, ids)}${n.rollback === undefined ? '' : copyBlock(`${undoHeading(n)}:`, n.rollback, ids)}</li>`,
              ),
        )
        .join('')}</ul>`
    : ''
}
${t.closes.length > 0 ? `<h3>Closes (${t.closes.length})</h3><ul>${t.closes.map((c) => `<li><code>${esc(c.ruleId)}</code>${c.tunnelGroup ? ` (${esc(c.tunnelGroup)})` : ''}</li>`).join('')}</ul>` : ''}
${
  t.remains.length > 0
    ? `<h3>Remains</h3><ul>${groupedRemains(t.remains)
        .map((r) => item(r, r.count > 1 ? `(${r.count} findings) ${r.why}` : r.why))
        .join('')}</ul>`
    : ''
}
${t.collateral.length > 0 ? `<h3>Also changes</h3><p>Profiles this plan changes beyond what the selected findings ask for (see Before you paste): ${esc(t.collateral.join(', '))}</p>` : ''}
${t.deviceChanges.length > 0 ? `<h3>${esc(DEVICE_WIDE)}</h3><ul>${t.deviceChanges.map((s) => `<li><code>${esc(settingLine(s))}</code></li>`).join('')}</ul>` : ''}
${t.changes.length > 0 ? `<h3>What changes per connection profile</h3>${profileTable(t.changes)}` : ''}
${t.rollback !== '' ? `<h3>Rollback</h3>${copyBlock('Puts every changed line back:', t.rollback, ids)}` : ''}
</section>`;
  });
  return htmlDocument({
    title: `Remediation plan — ${plural(targets.length, 'configuration')}`,
    heading: 'Remediation plan',
    tool,
    generatedAt: options.generatedAt,
    sections: [
      ...(sections.length > 0 || notPlanned.length > 0 ? sections : ['<p>No configuration to plan for.</p>']),
      ...(notPlanned.length > 0
        ? [
            `<section aria-labelledby="not-planned-h"><h2 id="not-planned-h">${esc(NOT_PLANNED_HEADING)}</h2><ul>${notPlanned.map((n) => `<li>${esc(notPlannedWords(n))}</li>`).join('')}</ul></section>`,
          ]
        : []),
    ],
    data: { profiles: [] },
  });
}
