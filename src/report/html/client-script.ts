// The page's script: the query box and the copy buttons. The query logic is not rewritten for the
// browser: the source of the very functions `explain-dns --query` runs is embedded (they are
// self-contained by design), and answers from the profile data embedded in the page. No request
// leaves the page.

import { isPlausibleHostname, queryVerdict } from '../../explain/query.js';
import { profileHtml } from './profile-html.js';

/** The page script; with `lazy`, it also draws each profile's section when it is opened or printed. */
export function clientScript(lazy: boolean): string {
  return `(function () {
'use strict';
var queryVerdict = ${queryVerdict.toString()};
var isPlausibleHostname = ${isPlausibleHostname.toString()};
var data = JSON.parse(document.getElementById('report-data').textContent);
var form = document.getElementById('query-form');
var input = document.getElementById('query-input');
var out = document.getElementById('query-result');
function cell(tr, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); }
var WORD = { tunnel: 'through the tunnel', clear: 'in the clear', undocumented: 'not documented' };
if (form) form.addEventListener('submit', function (e) {
  e.preventDefault();
  var name = input.value.trim();
  out.textContent = '';
  if (!isPlausibleHostname(name)) { var p = document.createElement('p'); p.textContent = '\\u201c' + name + '\\u201d is not a host name.'; out.appendChild(p); return; }
  if (data.profiles.length === 0) { var none = document.createElement('p'); none.textContent = 'No mobile-facing connection profiles in this report.'; out.appendChild(none); return; }
  var table = document.createElement('table');
  var cap = document.createElement('caption'); cap.textContent = 'Where iOS sends the query for ' + name; table.appendChild(cap);
  var head = document.createElement('tr');
  ['Device', 'Connection profile', 'Query goes', 'Why'].forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th); });
  var thead = document.createElement('thead'); thead.appendChild(head); table.appendChild(thead);
  var body = document.createElement('tbody');
  data.profiles.forEach(function (p) {
    var v = queryVerdict(p.query, name);
    var tr = document.createElement('tr');
    tr.setAttribute('data-profile', p.tunnelGroup);
    tr.setAttribute('data-device', p.device);
    tr.setAttribute('data-via', v.via);
    cell(tr, p.device); cell(tr, p.tunnelGroup); cell(tr, WORD[v.via], 'via-' + v.via); cell(tr, v.reason);
    body.appendChild(tr);
  });
  table.appendChild(body);
  out.appendChild(table);
});
function wireCopy(root) { Array.prototype.forEach.call(root.querySelectorAll('button.copy'), function (b) {
  b.addEventListener('click', function () {
    var text = document.getElementById(b.getAttribute('data-for')).textContent;
    var status = document.getElementById('copy-status');
    function done(ok) { status.textContent = ok ? 'Copied to the clipboard.' : 'Select the text and copy it by hand.'; b.textContent = ok ? 'Copied' : 'Copy'; }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    else done(false);
  });
}); }
wireCopy(document);
${lazy ? lazyScript() : ''}
})();`;
}

/** Large reports: a profile's section is drawn from the device's embedded data when its <details> opens. */
function lazyScript(): string {
  return `var profileHtml = ${profileHtml.toString()};
var sources = {};
function draw(d) {
  if (d.getAttribute('data-drawn')) return;
  var id = d.getAttribute('data-source');
  var list = sources[id] || (sources[id] = JSON.parse(document.getElementById(id).textContent));
  var entry = list.profiles[Number(d.getAttribute('data-index'))];
  var shared = function (i) { return list.shared[i]; };
  var holder = document.createElement('div');
  holder.innerHTML = profileHtml(Object.assign({}, entry, { dns: shared(entry.dns), inheritance: shared(entry.inheritance), findings: entry.findings.map(shared) }));
  d.appendChild(holder);
  d.setAttribute('data-drawn', '1');
  wireCopy(holder);
}
// One listener for every profile (toggle does not bubble, but it can be captured).
document.addEventListener('toggle', function (e) {
  var d = e.target;
  if (d && d.classList && d.classList.contains('profile-lazy') && d.open) draw(d);
}, true);
window.addEventListener('beforeprint', function () {
  Array.prototype.forEach.call(document.querySelectorAll('details.profile-lazy'), function (d) { draw(d); d.open = true; });
});`;
}
