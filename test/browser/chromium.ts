/**
 * Helpers for tests in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run with apt; never a
 * downloaded browser) driven by playwright-core. The pages come from scripts/static-server.ts.
 *
 * Without Chromium the browser tests skip with one line locally, and fail when CI is set.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.SLANT_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/**
 * `describe` when Chromium is there; otherwise a suite that fails under CI and a skipped one (with one line on the
 * console) locally.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumAvailable) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run).`);
      });
    });
  } else {
    console.log(`${name}: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
    describe.skip(name, body);
  }
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export { serveStatic, type StaticServer } from '../../scripts/static-server';
