// Every rule's documentation page is tested like its code (typescript-eslint's docs test, ESLint's
// check-rule-examples): the sections a reader expects, the severities the rule really reports, and
// every `## Bad` / `## Good` block run through the rule tester: Bad gives the rule's finding, Good none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ROOT } from '../helpers.js';
import { caseProfiles, completeConfig, findingsFor } from './rule-tester.js';

const SECTIONS = ['## What the guide says', '## Why it matters on a phone', '## When it fires', '## Bad', '## Good', '## Fix', '## When to ignore it'];

/** The fenced code blocks of one `## Section` of a Markdown page. */
export function blocksOf(markdown: string, section: string): string[] {
  const start = markdown.indexOf(`\n${section}\n`);
  if (start === -1) return [];
  const next = markdown.indexOf('\n## ', start + section.length + 2);
  const body = markdown.slice(start, next === -1 ? undefined : next);
  return [...body.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('rule documentation', () => {
  it('has one page per rule and no page without a rule', () => {
    const pages = readdirSync(`${ROOT}docs/rules`)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
    expect(pages).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  for (const { meta } of RULES) {
    describe(meta.id, () => {
      const path = `${ROOT}docs/rules/${meta.id}.md`;
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      it('has the title, the sections, and states every severity the rule reports', () => {
        expect(text.split('\n')[0]).toBe(`# ${meta.id}`);
        for (const section of SECTIONS) expect(text, section).toContain(`\n${section}\n`);
        const headline = text.split('\n')[2] ?? '';
        for (const s of meta.severities) expect(headline, `headline names ${s}`).toContain(`**${s}**`);
        for (const s of ['error', 'warning', 'info'].filter((x) => !meta.severities.includes(x as never)))
          expect(headline, `headline does not claim ${s}`).not.toContain(`**${s}**`);
      });
      const bad = blocksOf(text, '## Bad');
      const good = blocksOf(text, '## Good');
      it('has a Bad and a Good example', () => {
        expect(bad.length).toBeGreaterThan(0);
        expect(good.length).toBeGreaterThan(0);
      });
      bad.forEach((block, i) => {
        it(`Bad example ${i + 1} gives the rule's finding`, () => {
          expect(
            findingsFor(
              RULES.find((r) => r.meta.id === meta.id)!,
              completeConfig(block),
              caseProfiles({ config: block }),
            ).length,
          ).toBeGreaterThan(0);
        });
      });
      good.forEach((block, i) => {
        it(`Good example ${i + 1} gives none`, () => {
          expect(
            findingsFor(
              RULES.find((r) => r.meta.id === meta.id)!,
              completeConfig(block),
              caseProfiles({ config: block }),
            ).map((f) => f.message),
          ).toEqual([]);
        });
      });
    });
  }
});
