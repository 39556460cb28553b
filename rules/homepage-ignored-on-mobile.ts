import { createRule } from '../src/engine/types.js';
import { sourcePhrase } from '../src/engine/rule-kit.js';

export default createRule({
  meta: {
    id: 'homepage-ignored-on-mobile',
    severity: 'info',
    severities: ['info'],
    title: 'A home page URL is set; mobile clients ignore it',
    rationale: 'The guide: mobile clients ignore the group policy home page; users cannot be redirected after authentication.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      ignored: 'Home page {{url}} ({{source}}) will not open on phones: mobile clients ignore it. Nothing to change unless users rely on it.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const h = p.resolved.attributes.homepage;
      if (h.state === 'value') report.profile(p, { messageId: 'ignored', setting: 'homepage', data: { url: h.value, source: sourcePhrase(h) }, at: h.line });
    }
  },
});
