// Starts Debian's Chromium headless for the browser tests (puppeteer-core drives it; no browser is
// downloaded). Where it cannot start: in CI (CI or ASA_AUDIT_REQUIRE_BROWSER set) the tests fail with
// what to install; on a developer's machine they are skipped with a note.

import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const browserRequired = Boolean(process.env['CI'] || process.env['ASA_AUDIT_REQUIRE_BROWSER']);

export async function launch(): Promise<Browser> {
  const path = chromiumPath();
  if (path === null) throw new Error('no Chromium found (looked for CHROMIUM_PATH, /usr/bin/chromium): install it with `apt-get install chromium`');
  return puppeteer.launch({
    executablePath: path,
    headless: true,
    // Root (CI containers) cannot use Chromium's user-namespace sandbox.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--lang=en-US'],
  });
}

/** Whether a browser starts here; in CI a failure to start is an error, not a skip. */
export async function browserAvailable(): Promise<boolean> {
  try {
    const b = await launch();
    await b.close();
    return true;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (browserRequired) throw new Error(`the browser tests need Chromium and it did not start: ${why}`, { cause: err });
    console.warn(`browser tests skipped: Chromium did not start (${why}); in CI they fail instead`);
    return false;
  }
}
