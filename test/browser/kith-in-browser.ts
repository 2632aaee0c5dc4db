// What every browser test file needs: Chromium opened and Kith started before its tests, both
// closed after them, and a screenshot plus the server's output kept when a test fails.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { openBrowser, type OpenBrowser } from './browser';
import { startKith, type KithCli, type RunningKith } from './start-kith';

export interface KithInBrowser {
  readonly browser: OpenBrowser;
  readonly kith: RunningKith;
  /** Call first thing in a test: if it fails, a full-page screenshot and the server's output are kept. */
  keepEvidenceOnFailure(name: string): void;
}

/** Call inside a describe block: registers the hooks, and gives the browser and Kith once started. */
export function kithInBrowser(options: {
  setup?: (cli: KithCli) => Promise<void>;
  demo?: boolean;
  startTimeoutMs?: number;
}): KithInBrowser {
  let browser: OpenBrowser | undefined;
  let kith: RunningKith | undefined;
  beforeAll(async () => {
    // The browser first: a missing Chromium under CI fails at once.
    browser = await openBrowser();
    kith = await startKith({ setup: options.setup, demo: options.demo });
  }, options.startTimeoutMs ?? 240_000);
  afterAll(async () => {
    await browser?.close();
    await kith?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the browser and Kith start in beforeAll: use them inside a test');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get kith() {
      return started(kith);
    },
    keepEvidenceOnFailure(name: string) {
      onTestFailed(async () => {
        const file = path.join(os.tmpdir(), `kith-${name}-e2e-${Date.now()}.png`);
        await started(browser).page.screenshot({ path: file, fullPage: true });
        console.log(`screenshot of the failure: ${file}\nserver output:\n${started(kith).output()}`);
      });
    },
  };
}
