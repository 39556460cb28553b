// The iOS DNS picture of one connection profile: the phone, the tunnel to the headend's DNS servers,
// and the path in the clear to the device's own resolver, with which names take which path. The SVG
// has a title and description, and the table under it says the same in words (screen readers,
// print, copy and paste).

import type { ProfileView } from '../../explain/profile-view.js';
import { esc } from './escape.js';

type Path = 'tunnel' | 'clear' | 'undocumented';

interface NameRoute {
  names: string;
  via: Path;
  note?: string;
}

/** Which names go where, from the outcome: tunnelled domains, the default domain, everything else. */
export function routes(v: ProfileView): NameRoute[] {
  const d = v.dns;
  const dflt = d.defaultDomain;
  const covered = (name: string): boolean => d.tunneledDomains.some((t) => name === t.toLowerCase() || name.endsWith(`.${t.toLowerCase()}`));
  switch (d.outcome) {
    case 'all-tunneled':
      return [{ names: 'every name', via: 'tunnel' }];
    case 'all-clear':
      return [{ names: 'every name', via: 'clear' }];
    case 'undocumented': {
      const literal = d.literal?.tunneledDomains ?? [];
      return [
        {
          names: 'every name',
          via: 'undocumented',
          note: `most likely through the tunnel (inferred); read literally, the guide ${literal.length > 0 ? `tunnels only ${literal.join(', ')}` : 'sends every query in the clear'}`,
        },
      ];
    }
    default: {
      const out: NameRoute[] = d.tunneledDomains.map((t) => ({ names: `${t} and names under it`, via: 'tunnel' }));
      if (dflt !== null && !d.tunneledDomains.some((t) => t.toLowerCase() === dflt.toLowerCase()))
        out.push({ names: `${dflt} (default domain) and names under it`, via: covered(dflt.toLowerCase()) ? 'tunnel' : 'clear' });
      out.push({ names: 'every other name', via: 'clear' });
      return out;
    }
  }
}

const WORD: Record<Path, string> = { tunnel: 'through the tunnel', clear: 'in the clear', undocumented: 'not documented' };

/** Short text for a label in the picture; the table below has the full list. */
function fit(items: string[], max: number): string {
  const all = items.join(', ');
  return all.length <= max ? all : `${all.slice(0, max - 1)}…`;
}

export function dnsPicture(v: ProfileView, id: string): string {
  const d = v.dns;
  const rs = routes(v);
  const tunnelNames: string[] = rs.filter((r) => r.via === 'tunnel' || r.via === 'undocumented').map((r) => r.names.replace(/ and names under it$/, ''));
  const clearNames: string[] = rs.filter((r) => r.via === 'clear').map((r) => r.names.replace(/ and names under it$/, ''));
  // excludespecified: the guide does not say; the picture shows the inferred path and the literal reading.
  const undocumented = d.outcome === 'undocumented';
  const literal = d.literal?.tunneledDomains ?? [];
  const tunnelLabel = undocumented ? 'MOST LIKELY THROUGH THE TUNNEL (INFERRED)' : 'THROUGH THE TUNNEL';
  const clearLabel = undocumented ? 'READ LITERALLY, IN THE CLEAR' : 'IN THE CLEAR';
  if (undocumented) clearNames.push(literal.length > 0 ? `every name outside ${literal.join(', ')}` : 'every name');
  const servers = d.dnsServers.length > 0 ? d.dnsServers.join(', ') : 'none pushed';
  const noResolver = d.tunnelsDns && d.dnsServers.length === 0;
  const title = `iOS DNS for ${v.tunnelGroup}: row ${d.row}`;
  const desc = `${d.sentence} ${undocumented ? 'Most likely through the tunnel (inferred)' : 'Through the tunnel'}: ${tunnelNames.length > 0 ? tunnelNames.join(', ') : 'nothing'}. ${undocumented ? 'Read literally, in the clear' : 'In the clear'}: ${clearNames.length > 0 ? clearNames.join(', ') : 'nothing'}. Tunnel DNS servers: ${servers}.`;
  const tunnelStroke = tunnelNames.length > 0 ? '#1a6b2f' : '#8c959f';
  const clearStroke = clearNames.length > 0 ? '#a40e26' : '#8c959f';
  const svg = `<svg viewBox="0 0 720 272" width="720" height="272" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${esc(title)}</title>
<desc id="${id}-d">${esc(desc)}</desc>
<rect x="20" y="40" width="96" height="170" rx="16" fill="#f4f6f8" stroke="#1b1f24" stroke-width="2"/>
<rect x="50" y="50" width="36" height="5" rx="2" fill="#1b1f24"/>
<text x="68" y="120" text-anchor="middle" font-size="15" font-weight="600" fill="#1b1f24">iPhone</text>
<text x="68" y="140" text-anchor="middle" font-size="12" fill="#4f5862">iOS client</text>
<rect x="140" y="70" width="320" height="44" rx="22" fill="#e6f2e9" stroke="${tunnelStroke}" stroke-width="2"/>
<text x="300" y="97" text-anchor="middle" font-size="13" fill="#1b1f24">VPN tunnel (encrypted)</text>
<line x1="116" y1="92" x2="140" y2="92" stroke="${tunnelStroke}" stroke-width="3"/>
<line x1="460" y1="92" x2="486" y2="92" stroke="${tunnelStroke}" stroke-width="3" marker-end="url(#${id}-arrow-t)"/>
<text x="140" y="30" font-size="12" fill="#1a6b2f" font-weight="600">${tunnelLabel}: ${esc(fit(tunnelNames, 60) || 'nothing')}</text>
<rect x="490" y="52" width="210" height="80" rx="6" fill="#fff" stroke="#1b1f24"/>
<text x="500" y="74" font-size="13" font-weight="600" fill="#1b1f24">Headend's DNS servers</text>
<text x="500" y="94" font-size="12" fill="${noResolver ? '#a40e26' : '#1b1f24'}">${esc(fit([servers], 30))}</text>
${noResolver ? `<text x="500" y="114" font-size="12" font-weight="600" fill="#a40e26">no answer: none pushed (D0)</text>` : ''}
<line x1="116" y1="180" x2="486" y2="180" stroke="${clearStroke}" stroke-width="3" stroke-dasharray="9 6" marker-end="url(#${id}-arrow-c)"/>
<text x="140" y="236" font-size="12" fill="#a40e26" font-weight="600">${clearLabel}: ${esc(fit(clearNames, 65) || 'nothing')}</text>
<rect x="490" y="146" width="210" height="70" rx="6" fill="#fff" stroke="#1b1f24"/>
<text x="500" y="168" font-size="13" font-weight="600" fill="#1b1f24">Phone's own resolver</text>
<text x="500" y="188" font-size="12" fill="#4f5862">Wi-Fi or cellular DNS,</text>
<text x="500" y="204" font-size="12" fill="#4f5862">outside the tunnel</text>
<text x="20" y="262" font-size="12" fill="#1b1f24">Decision-table row ${esc(d.row)} (${d.basis === 'guide' ? 'stated by the guide' : 'inferred'})</text>
<defs>
<marker id="${id}-arrow-t" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${tunnelStroke}"/></marker>
<marker id="${id}-arrow-c" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${clearStroke}"/></marker>
</defs>
</svg>`;
  const table = `<table class="routes"><caption class="visually-hidden">Where each name's query goes</caption><thead><tr><th scope="col">Names</th><th scope="col">Query goes</th></tr></thead><tbody>${rs
    .map(
      (r) =>
        `<tr data-via="${r.via}"><td>${esc(r.names)}</td><td><span class="via-${r.via}">${WORD[r.via]}</span>${r.note ? ` — ${esc(r.note)}` : ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  return `<figure class="dns" data-row="${esc(d.row)}" data-outcome="${esc(d.outcome)}" data-tunnelled="${esc(tunnelNames.join('|'))}" data-clear="${esc(clearNames.join('|'))}">
${svg}
<figcaption><span class="badge">Row ${esc(d.row)}</span> ${esc(d.sentence)}</figcaption>
</figure>
${table}`;
}
