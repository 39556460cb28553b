// What every HTML page of the tool shares: the document shell (inline style and script, a CSP that
// forbids requests), unique ids, finding items and copyable code blocks.

import type { ReportedFinding } from '../../audit/result.js';
import { helpUri } from '../report-input.js';
import { clientScript } from './client-script.js';
import { esc, prose, scriptJson } from './escape.js';
import { STYLE } from './style.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** Numbers ids in document order, so every id is unique and the page is the same on every run. */
export class Ids {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }
}

export interface PageParts {
  title: string;
  heading: string;
  tool: { name: string; version: string };
  generatedAt?: string | undefined;
  /** Sections inside <main>. */
  sections: string[];
  /** Data for the page's script (the query box), embedded as JSON. */
  data: unknown;
  /** Profile sections are drawn in the browser when opened (large reports). */
  lazy?: boolean;
}

export function htmlDocument(p: PageParts): string {
  const script = clientScript(p.lazy === true);
  // Inline script text must not hold what ends or confuses a <script> element.
  if (/<\/script|<!--/i.test(script)) throw new Error('the page script holds </script or <!--');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${STYLE}</style>
</head>
<body${p.lazy ? ' class="fleet"' : ''}>
<header><h1>${esc(p.heading)}</h1><p class="meta">${esc(p.tool.name)} ${esc(p.tool.version)}${p.generatedAt ? ` — generated ${esc(p.generatedAt)}` : ''}</p></header>
<main>
${p.sections.join('\n')}
</main>
<footer><p class="meta">Findings rest on Cisco's mobile guide; values marked [recalled] or [inferred] are assumptions (see docs/assumptions.md). Secrets in quoted lines are redacted.</p></footer>
<p id="copy-status" class="visually-hidden" aria-live="polite"></p>
<script type="application/json" id="report-data">${scriptJson(p.data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** A block of text to paste (CLI, XML), with a button that copies it. */
export function copyBlock(label: string, text: string, ids: Ids): string {
  const id = ids.next('code');
  return `<div class="fix"><p>${esc(label)} <button type="button" class="copy" data-for="${id}">Copy</button></p><pre id="${id}"><code>${esc(text)}</code></pre></div>`;
}

export interface FindingContext {
  ids: Ids;
  helpUriBase: string;
  /** How a file is named in the page (relative to the working folder). */
  path: (file: string) => string;
}

/** `oldSide`: findings of a change's old side, whose lines are the old file's (said so). */
export function findingList(findings: readonly ReportedFinding[], ctx: FindingContext, showProfile = false, oldSide = false): string {
  return `<ul class="findings">${findings.map((f) => findingItem(f, ctx, showProfile, oldSide)).join('')}</ul>`;
}

function findingItem(f: ReportedFinding, ctx: FindingContext, showProfile: boolean, oldSide: boolean): string {
  const where =
    f.line === null
      ? ''
      : `<p class="where">${f.file !== null ? `<code>${esc(ctx.path(f.file))}</code> ` : oldSide ? 'old ' : ''}line ${f.line}${f.lineRole === 'should-set' ? ' (where the value should be set; no line sets it)' : ''}${
          f.lineText ? `: <code>${esc(f.lineText)}</code>` : ''
        }</p>`;
  const profile = showProfile && f.tunnelGroup !== null ? ` <span class="muted">(profile ${esc(f.tunnelGroup)})</span>` : '';
  return `<li class="${f.severity}" data-rule="${esc(f.ruleId)}"><p><span class="sev sev-${f.severity}">${SEVERITY_WORD[f.severity]}</span> <a href="${esc(helpUri(ctx.helpUriBase, f.ruleId))}"><code>${esc(f.ruleId)}</code></a>${profile}: ${prose(f.message)}</p>${where}${
    f.fix ? copyBlock('Fix (configuration mode):', f.fix, ctx.ids) : ''
  }${f.xmlFix ? copyBlock('Change in the XML file:', f.xmlFix, ctx.ids) : ''}${f.needsInput ? `<p><strong>Needs your input:</strong> ${prose(f.needsInput)}</p>` : ''}</li>`;
}
