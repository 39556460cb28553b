// Whether iOS sends one DNS query through the tunnel, from a profile's outcome. The function is
// self-contained (no imports, no outer names) on purpose: the HTML report embeds its source, so the
// page's query box answers with this very code, not a copy of it.

export interface QueryInput {
  outcome: 'all-tunneled' | 'all-clear' | 'split-dns-list' | 'default-domain-only' | 'undocumented';
  /** Domains whose names are tunnelled (rows D3/D4). */
  tunneledDomains: string[];
  /** excludespecified read literally: the domains tunnelled then (empty: all in the clear). */
  literalDomains: string[];
  /** The effective default-domain, which completes single-label names; null when none. */
  defaultDomain: string | null;
  /** No dns-server is pushed (row D0): a tunnelled query gets no answer. */
  noResolver?: boolean;
  /** excludespecified: pushed DNS servers in networks the list excludes (row D6: queries to them leave in the clear). */
  excludedDnsServers?: string[];
  /** Every pushed DNS server is excluded: under either reading the query leaves in the clear. */
  allDnsServersExcluded?: boolean;
}

export interface QueryVerdict {
  query: string;
  /** The name after single-label completion with the default domain (M3). */
  resolvedName: string;
  via: 'tunnel' | 'clear' | 'undocumented';
  /** For undocumented outcomes: the inferred most likely path. */
  likely?: 'tunnel' | 'clear';
  /** For undocumented outcomes: the path when the guide's split-tunnelling bullets are read literally. */
  literal?: 'tunnel' | 'clear';
  matchedDomain: string | null;
  reason: string;
  /** A query in the clear that goes to a pushed DNS server the split-tunnel list excludes, not to the device's own resolver. */
  clearTo?: 'excluded-dns-server';
}

export function queryVerdict(input: QueryInput, query: string): QueryVerdict {
  const normalise = (s: string): string => s.trim().toLowerCase().replace(/\.+$/, '');
  const under = (n: string, domain: string): boolean => {
    const d = normalise(domain);
    return d !== '' && (n === d || n.endsWith(`.${d}`));
  };
  const list = (domains: string[]): string =>
    domains.length <= 1 ? domains.join('') : `${domains.slice(0, -1).join(', ')} or ${domains[domains.length - 1]!}`;
  let name = normalise(query);
  let completed = false;
  if (!name.includes('.') && input.defaultDomain) {
    name = `${name}.${normalise(input.defaultDomain)}`;
    completed = true;
  }
  const matching = (domains: string[]): string | undefined =>
    domains.filter((d) => under(name, d)).sort((x, y) => normalise(y).length - normalise(x).length)[0];
  const done = (
    via: QueryVerdict['via'],
    matchedDomain: string | null,
    reason: string,
    undocumented?: { likely: 'tunnel'; literal: 'tunnel' | 'clear' },
  ): QueryVerdict => {
    const unanswered =
      input.noResolver === true && via !== 'clear'
        ? '; but no dns-server is pushed, so no corporate resolver answers it: the phone may send it to its own resolver instead, outside the tunnel [inferred] (row D0)'
        : '';
    const v: QueryVerdict = {
      query,
      resolvedName: name,
      via,
      matchedDomain,
      reason: `${reason}${completed ? ' (single-label name completed with the default domain)' : ''}${unanswered}`,
    };
    if (undocumented) Object.assign(v, undocumented);
    return v;
  };
  switch (input.outcome) {
    case 'all-tunneled':
      return done('tunnel', null, 'all queries are tunnelled');
    case 'all-clear':
      return done('clear', null, 'no query is tunnelled');
    case 'undocumented': {
      const excluded = input.excludedDnsServers ?? [];
      // Row D6: a query sent to a DNS server in an excluded network leaves the tunnel. When every
      // server is excluded, both readings end there (or at the device's own resolver): in the clear.
      if (input.allDnsServersExcluded === true)
        return Object.assign(
          done(
            'clear',
            null,
            `excludespecified: every DNS server pushed (${excluded.join(', ')}) is in a network the split-tunnel list excludes, so under either reading the query leaves the tunnel (inferred)`,
          ),
          { clearTo: 'excluded-dns-server' as const },
        );
      const alsoExcluded =
        excluded.length > 0 ? `; a query iOS sends to ${list(excluded)} (in an excluded network) leaves the tunnel, in the clear (inferred)` : '';
      const literalMatch = matching(input.literalDomains);
      // Both readings agree (the inferred one tunnels every query): that is the answer, with why.
      if (literalMatch !== undefined)
        return done(
          'tunnel',
          literalMatch,
          `excludespecified: tunnelled under both readings (inferred: every query; read literally: it matches ${literalMatch})${alsoExcluded}`,
        );
      return done('undocumented', null, `excludespecified: most likely tunnelled (inferred); read literally, the guide sends it in the clear${alsoExcluded}`, {
        likely: 'tunnel',
        literal: 'clear',
      });
    }
    default: {
      const match = matching(input.tunneledDomains);
      if (input.tunneledDomains.length === 0) return done('clear', null, 'no split-dns entry is a domain name, so no query matches');
      return match ? done('tunnel', match, `matches ${match}`) : done('clear', null, `not under ${list(input.tunneledDomains)}`);
    }
  }
}

/** Whether `name` looks like a host name (as `--query` and the report's query box accept). Self-contained too. */
export function isPlausibleHostname(name: string): boolean {
  return /^[A-Za-z0-9_*](?:[A-Za-z0-9_\-.]*[A-Za-z0-9_])?\.?$/.test(name) && !name.includes('..');
}
