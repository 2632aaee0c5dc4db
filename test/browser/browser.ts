// Debian's Chromium driven by playwright-core (no browser download). Without Chromium the browser
// tests are skipped with one line saying how to install it; under CI=true they must run.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let skipNoticePrinted = false;

/** False (after one printed line) when Chromium is missing outside CI. */
export function browserTestsCanRun(): boolean {
  if (fs.existsSync(chromiumPath) || process.env.CI === 'true') return true;
  if (!skipNoticePrinted) {
    console.log(`browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium)`);
    skipNoticePrinted = true;
  }
  return false;
}

export interface OpenBrowser {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console.error lines of the page, except failed requests (a 401 or 403 is expected). */
  consoleErrors: string[];
  /** Serious and critical accessibility violations found by `checkAccessibility`, one line each. */
  accessibilityViolations: string[];
  /** Runs axe-core on the page as it is now; what it finds goes to `accessibilityViolations`. */
  checkAccessibility: (where: string) => Promise<void>;
  close: () => Promise<void>;
}

const axeScript = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function openBrowser(options: { width?: number; height?: number } = {}): Promise<OpenBrowser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not at ${chromiumPath}; install it with apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  // playwright-core refuses --user-data-dir in args: a persistent context in a fresh directory instead.
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'kith-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
  const accessibilityViolations: string[] = [];
  const checkAccessibility = async (where: string) => {
    // Settled first: no request in flight, no "Loading…" left on the page.
    await page.waitForLoadState('networkidle');
    // And laid out: the map sizes itself after the list is drawn; colours are judged on the final layout.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(300);
    // Evaluated through the debugging protocol: the page's Content-Security-Policy (rightly) refuses inline scripts.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeScript);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run({ resultTypes: ['violations'] })).violations;
    });
    for (const violation of violations as AxeViolation[]) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3);
      accessibilityViolations.push(`${where}: ${violation.id} (${violation.impact}): ${violation.help} at ${targets.join(', ')}`);
    }
  };
  return {
    page,
    context,
    consoleErrors,
    accessibilityViolations,
    checkAccessibility,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Fills and sends the sign-in form the page is showing (the app sends any signed-out visitor there). */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}
