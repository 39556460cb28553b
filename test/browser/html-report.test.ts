// The HTML report opened from disk in a real Chromium: no console error, no request, each profile's
// DNS picture shows its row, the query box answers like `explain-dns --query`, the keyboard reaches
// every control, and axe-core finds no serious accessibility violation. A screenshot per fixture is
// saved under test-output/browser/ for review.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryVerdict } from '../../src/explain/query.js';
import { builtCli, fixture, readJson, ROOT, tempDir } from '../helpers.js';
import { browserAvailable, launch } from './chromium.js';

const available = await browserAvailable();
const SHOTS = join(ROOT, 'test-output', 'browser');
// axe-core's own build, as the string it exports for injecting into a page.
const AXE = axe.source;

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtCli(), ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes the report for these paths and returns its file. */
function report(name: string, ...paths: string[]): string {
  const out = join(tempDir('ama-browser-'), `${name}.html`);
  const r = run('audit', ...paths, '--format', 'html', '--output', out, '--fail-on', 'never', '--allow-incomplete');
  // Only the notes of configurations audited as far as they go (the corpus has cut-off captures).
  expect(r.stderr.split('\n').filter((l) => l !== '' && !l.includes('configuration is incomplete'))).toEqual([]);
  expect(r.code).toBe(0);
  return out;
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e instanceof Error ? e.message : String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}

/** explain-dns JSON of a file: row and outcome per (context, profile). */
function explained(file: string): Map<string, { row: string; outcome: string }> {
  const doc = readJson<{ targets: Array<{ context: string | null; profiles: Array<{ tunnelGroup: string; iosDns: { row: string; outcome: string } }> }> }>(
    run('explain-dns', file, '--format', 'json', '--allow-incomplete').stdout,
  );
  return new Map(
    doc.targets.flatMap((t) => t.profiles.map((p) => [`${t.context ?? ''}/${p.tunnelGroup}`, { row: p.iosDns.row, outcome: p.iosDns.outcome }] as const)),
  );
}

const FIXTURES = [
  { name: 'demo', paths: [fixture('demo/demo-headend.cfg')] },
  { name: 'repository', paths: [fixture('repo')] },
  { name: 'client-profiles', paths: [fixture('client-profiles/headend.cfg')] },
  // The real public configurations: two share a hostname, some are cut off, one has contexts.
  { name: 'corpus', paths: [fixture('corpus')] },
];

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const fx of FIXTURES) {
    it(`${fx.name}: opens from disk with no console error and no request, and shows each profile's DNS row`, async () => {
      const file = report(fx.name, ...fx.paths);
      const { page, consoleErrors, requests } = await open(browser, file);
      await page.screenshot({ path: join(SHOTS, `${fx.name}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      // Every figure: the row in its data, its caption and the SVG's accessible name, as explain-dns says.
      const audit = readJson<{ targets: Array<{ source: string; context: string | null; mobileProfiles: string[] }> }>(
        run('audit', ...fx.paths, '--format', 'json', '--fail-on', 'never', '--allow-incomplete').stdout,
      );
      const shown = await page.$$eval('section.device', (sections) =>
        sections.map((s) =>
          [...s.querySelectorAll('article.profile')].map((a) => {
            const fig = a.querySelector('figure.dns')!;
            return {
              profile: a.getAttribute('data-profile')!,
              row: fig.getAttribute('data-row')!,
              outcome: fig.getAttribute('data-outcome')!,
              caption: fig.querySelector('figcaption')!.textContent,
              svgTitle: fig.querySelector('svg title')!.textContent,
              visible: (fig.querySelector('svg') as SVGSVGElement).getBoundingClientRect().width > 100,
            };
          }),
        ),
      );
      expect(shown.length).toBe(audit.targets.length);
      const cache = new Map<string, Map<string, { row: string; outcome: string }>>();
      audit.targets.forEach((t, i) => {
        const file = join(ROOT, t.source);
        const truth = cache.get(file) ?? cache.set(file, explained(file)).get(file)!;
        expect(shown[i]!.map((p) => p.profile)).toEqual(t.mobileProfiles);
        for (const p of shown[i]!) {
          const want = truth.get(`${t.context ?? ''}/${p.profile}`)!;
          expect({ row: p.row, outcome: p.outcome }, `${t.source} ${p.profile}`).toEqual(want);
          expect(p.caption.startsWith(`Row ${want.row} `)).toBe(true);
          expect(p.svgTitle).toBe(`iOS DNS for ${p.profile}: row ${want.row}`);
          expect(p.visible).toBe(true);
        }
      });
      await page.close();
    });
  }

  it('nothing is cut off in a narrow window: every table fits or wraps within the page', async () => {
    const { page } = await open(browser, report('narrow', fixture('demo/demo-headend.cfg')));
    for (const width of [800, 1024]) {
      await page.setViewport({ width, height: 900 });
      const overflowing = await page.$$eval('table, figure.dns', (els) =>
        els.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.className || e.tagName),
      );
      expect(overflowing, `at ${width} px`).toEqual([]);
    }
    // A phone-sized window: the readiness matrix scrolls in its own box; the page itself does not scroll sideways.
    await page.setViewport({ width: 420, height: 900 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, 'at 420 px').toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SHOTS, 'demo-800px.png') });
    await page.close();
  });

  it('the query box answers like explain-dns --query, from the keyboard', async () => {
    const demo = fixture('demo/demo-headend.cfg');
    const { page, consoleErrors } = await open(browser, report('query', demo));
    for (const name of ['intranet.example.com', 'wiki', 'www.lab.example.com', 'legacy.example.net.', 'example.org']) {
      const truth = new Map(
        readJson<{ targets: Array<{ profiles: Array<{ tunnelGroup: string; query: QueryVerdict }> }> }>(
          run('explain-dns', demo, '--query', name, '--format', 'json').stdout,
        ).targets[0]!.profiles.map((p) => [p.tunnelGroup, p.query]),
      );
      await page.click('#query-input', { count: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      const rows = await page.$$eval('#query-result tbody tr', (trs) =>
        trs.map((tr) => ({ profile: tr.getAttribute('data-profile')!, via: tr.getAttribute('data-via')!, reason: tr.lastElementChild!.textContent })),
      );
      expect(rows.length, name).toBe(truth.size);
      for (const r of rows)
        expect({ via: r.via, reason: r.reason }, `${name} ${r.profile}`).toEqual({ via: truth.get(r.profile)!.via, reason: truth.get(r.profile)!.reason });
    }
    await page.click('#query-input', { count: 3 });
    await page.keyboard.type('not a host!');
    await page.keyboard.press('Enter');
    expect(await page.$eval('#query-result', (e) => e.textContent)).toContain('is not a host name');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('the keyboard reaches every control, and a copy button answers Enter', async () => {
    const { page } = await open(browser, report('keyboard', fixture('demo/demo-headend.cfg')));
    const controls = await page.$$eval('a[href], button, input, summary', (els) => els.map((e, i) => (e.setAttribute('data-k', String(i)), i)).length);
    expect(controls).toBeGreaterThan(20);
    const reached = new Set<string>();
    for (let i = 0; i < controls + 2; i++) {
      await page.keyboard.press('Tab');
      const k = await page.evaluate(() => document.activeElement?.getAttribute('data-k') ?? null);
      if (k !== null) reached.add(k);
    }
    expect(reached.size).toBe(controls);
    await page.focus('button.copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
    expect(await page.$eval('#copy-status', (e) => e.textContent)).toMatch(/^(Copied to the clipboard\.|Select the text and copy it by hand\.)$/);
    await page.close();
  });

  it('the plan and diff pages open cleanly too, pass axe-core, and their copy buttons work from the keyboard', async () => {
    const dir = tempDir('ama-browser-change-');
    const plan = join(dir, 'plan.html');
    expect(run('plan', fixture('plan/dflt-collateral.cfg'), '--scope', 'shared', '--format', 'html', '--output', plan).code).toBe(0);
    const diff = join(dir, 'diff.html');
    expect(run('diff', fixture('plan/dflt-collateral.cfg'), fixture('plan/one-policy-many-fixes.cfg'), '--format', 'html', '--output', diff).code).toBe(0);
    for (const file of [plan, diff]) {
      const { page, consoleErrors, requests } = await open(browser, file);
      await page.screenshot({ path: join(SHOTS, file.endsWith('plan.html') ? 'plan.png' : 'diff.png'), fullPage: true });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }
        ).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      if (file === plan) {
        await page.focus('button.copy');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
      }
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      await page.close();
    }
  });

  it('a fleet report draws a profile when it is opened, exactly as a small report draws it, and everything before printing', async () => {
    const demo = fixture('demo/demo-headend.cfg');
    const dir = tempDir('ama-browser-fleet-');
    // 26 copies of the demo: 208 profiles, over the 200 a page holds as written.
    for (let i = 0; i < 26; i++) copyFileSync(demo, join(dir, `vpn-${String(i).padStart(2, '0')}.cfg`));
    const small = await open(browser, report('small', demo));
    const written = await small.page.$$eval('article.profile', (as) => as.map((a) => a.outerHTML));
    await small.page.close();
    const { page, consoleErrors, requests } = await open(browser, report('fleet', dir));
    expect(await page.$$eval('article.profile', (as) => as.length)).toBe(0);
    const lazy = await page.$$eval('details.profile-lazy', (ds) => ds.length);
    expect(lazy).toBe(208);
    // Open the first device's profiles from the keyboard: each is drawn as the small report has it.
    const summaries = await (await page.$('section.device'))!.$$('details.profile-lazy > summary');
    expect(summaries.length).toBe(written.length);
    for (const s of summaries) {
      await s.focus();
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction((n) => document.querySelectorAll('article.profile').length === n, {}, written.length);
    expect(await page.$$eval('article.profile', (as) => as.map((a) => a.outerHTML))).toEqual(written);
    // Printing draws every profile.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.$$eval('article.profile', (as) => as.length)).toBe(208);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dirname(requests[0]!.replace('file://', '')), 'fleet.html')).href]);
    await page.close();
  });

  it('axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA), and print starts each device on a page', async () => {
    for (const fx of FIXTURES) {
      const { page } = await open(browser, report(`axe-${fx.name}`, ...fx.paths));
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> };
          }
        ).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(
        result.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        fx.name,
      ).toEqual([]);
      await page.emulateMediaType('print');
      const breaks = await page.$$eval('section.device', (s) => s.map((e) => getComputedStyle(e).breakBefore));
      expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
      await page.close();
    }
  });
});
