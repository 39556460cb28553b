// The page's only style sheet, inline (no fonts or files to fetch). Colours pass WCAG AA on white;
// every state also has a word or a mark, so colour is never the only signal. The print rules keep
// tables whole where they fit and start each device on a new page.

export const STYLE = `
:root { --fg: #1b1f24; --muted: #4f5862; --line: #c9d1d9; --bg-soft: #f4f6f8;
  --error: #a40e26; --warning: #7a4d00; --info: #0a4f9e; --pass: #1a6b2f; --tunnel: #1a6b2f; --clear: #a40e26; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); margin: 0; background: #fff; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0.4rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
p.meta, .muted { color: var(--muted); }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
pre { background: var(--bg-soft); border: 1px solid var(--line); padding: 0.6rem 0.8rem; overflow-x: auto; margin: 0.4rem 0; white-space: pre; }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; }
.scroll-x { overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
td.cell { text-align: center; }
td code { overflow-wrap: anywhere; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error, .cell-fail { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.cell-pass { color: var(--pass); }
.cell-na { color: var(--muted); }
.winner { font-weight: 600; }
.winner::after { content: " \\2190  in effect"; font-weight: 400; color: var(--muted); }
ul.findings { list-style: none; padding: 0; }
ul.findings > li { border-left: 4px solid var(--line); padding: 0.3rem 0 0.3rem 0.8rem; margin: 0.7rem 0; }
ul.findings > li.error { border-color: var(--error); }
ul.findings > li.warning { border-color: var(--warning); }
ul.findings > li.info { border-color: var(--info); }
.fix { position: relative; }
button, input { font: inherit; }
button { border: 1px solid var(--muted); background: #fff; color: var(--fg); border-radius: 4px; padding: 0.15rem 0.6rem; cursor: pointer; }
button:hover { background: var(--bg-soft); }
:focus-visible { outline: 3px solid #0a4f9e; outline-offset: 2px; }
.query-box { background: var(--bg-soft); border: 1px solid var(--line); padding: 0.8rem 1rem; border-radius: 6px; }
.query-box input { padding: 0.25rem 0.4rem; min-width: 18rem; border: 1px solid var(--muted); border-radius: 4px; }
.via-tunnel { color: var(--tunnel); font-weight: 600; }
.via-clear { color: var(--clear); font-weight: 600; }
.via-undocumented { color: var(--warning); font-weight: 600; }
figure.dns { margin: 0.5rem 0 0.8rem; }
figure.dns svg { max-width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
figure.dns figcaption { margin-top: 0.3rem; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.35rem; font-size: 0.85em; font-weight: 600; }
.profile { border-top: 1px dashed var(--line); margin-top: 1.5rem; }
/* A fleet's page: devices off screen are not laid out until scrolled to (find and screen readers still see them).
   Only there: the containment clips overflow, and a fleet's device sections hold only narrow tables. */
body.fleet section.device { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
details.profile-lazy { border-top: 1px dashed var(--line); padding: 0.35rem 0; }
details.profile-lazy > summary { cursor: pointer; font-weight: 600; }
details.profile-lazy .profile { border-top: 0; margin-top: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { font-size: 11pt; }
  .query-box, button.copy { display: none; }
  section.device { break-before: page; }
  body.fleet section.device { content-visibility: visible; }
  section.device:first-of-type { break-before: auto; }
  table, figure, pre, ul.findings > li { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
