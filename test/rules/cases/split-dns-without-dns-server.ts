import type { RuleTests } from '../rule-tester.js';
import { mobile, SPLIT } from './_kit.js';

export default {
  valid: [
    {
      name: 'a dns-server inherited from DfltGrpPolicy',
      config: mobile({ dflt: ['dns-server value 10.0.0.53'], policy: [...SPLIT, 'split-dns value corp.example.com'] }),
    },
    { name: 'no policy with dns-server none has split-dns in the corpus', file: 'corpus/prometheus-asa1-80-svc.cfg' },
  ],
  invalid: [
    {
      name: 'dns-server none under a split-dns list',
      config: mobile({ policy: [...SPLIT, 'split-dns value corp.example.com', 'dns-server none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' dns-server none',
          severity: 'error',
          messageId: 'noServer',
          data: { domains: 'corp.example.com' },
          fix: 'group-policy GP attributes\n dns-server value DNS-SERVER-IP',
        },
      ],
    },
    {
      name: 'none inherited from DfltGrpPolicy',
      config: mobile({ dflt: ['dns-server none'], policy: [...SPLIT, 'split-dns value corp.example.com'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' dns-server none',
          severity: 'error',
          messageId: 'noServer',
          fix: 'group-policy GP attributes\n dns-server value DNS-SERVER-IP',
        },
      ],
    },
  ],
} satisfies RuleTests;
