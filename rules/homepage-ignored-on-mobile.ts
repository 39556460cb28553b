import { defineRule } from '../src/engine/types.js';
import { sourcePhrase } from '../src/engine/rule-kit.js';

export default defineRule({
  id: 'homepage-ignored-on-mobile',
  severity: 'info',
  title: 'A home page URL is set; mobile clients ignore it',
  rationale: 'The guide: mobile clients ignore the group policy home page; users cannot be redirected after authentication.',
  basis: 'guide',
  scope: 'profile',
  check({ profiles }) {
    return profiles
      .filter((p) => p.resolved.attributes.homepage.state === 'value')
      .map((p) => {
        const h = p.resolved.attributes.homepage;
        return {
          message: `Home page ${h.value} (${sourcePhrase(h)}) will not open on phones: mobile clients ignore it. Nothing to change unless users rely on it.`,
          line: h.line,
          tunnelGroup: p.resolved.name,
          groupPolicy: p.resolved.groupPolicy,
          fix: null,
        };
      });
  },
});
