import { defineRule } from '../src/engine/types.js';
import { clientKeyword, fixPolicy, lineFor, policyCli, policyLabel, sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'client-side-dpd-disabled',
  severity: 'warning',
  title: 'Client-side DPD is off for a mobile profile',
  rationale: 'The guide says to keep client-side dead peer detection on, so the client notices a dead tunnel and reconnects.',
  basis: 'guide',
  scope: 'profile',
  check({ device, profiles }) {
    return profiles
      .filter((p) => p.transports.ssl && p.resolved.attributes.dpdClient.state === 'none')
      .map((p) => {
        const e = p.resolved.attributes.dpdClient;
        const where = lineFor(device.model, p.resolved, e, 'webvpn');
        const policy = fixPolicy(p.resolved);
        const kw = clientKeyword(device.model, e);
        return {
          message: `Client DPD is off (\`${kw} dpd-interval client none\`), ${sourcePhrase(e)}; the client will not notice a dead tunnel. Set it to 30 s in ${policyLabel(p.resolved)}.`,
          line: where.line,
          lineRole: where.role,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: policy ? policyCli(policy, 'webvpn', [`${kw} dpd-interval client 30`]) : null,
        };
      });
  },
});
