import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { silentLogger, systemActor } from '../src/services/context.ts';
import { demoUsers } from '../src/services/demo-users.ts';
import { loadDemo } from '../src/services/load-demo.ts';
import { actorBound } from '../src/store/open.ts';
import { ensureWebBuild, hasChromium, launchBrowser, webDist } from '../test/e2e/chromium.ts';
import type { Benchmark, BenchResult, Figure } from './bench.ts';

/**
 * The web app as a person meets it: time from navigation to a usable dashboard (every figure on
 * screen, marked by the page itself) with the demo data, in headless Chromium against the real
 * server; and the JavaScript the browser downloads, gzipped, against the budget of decision 017.
 */

/** Issue 8's goal for a usable dashboard. */
const goalMs = 1500;
/** Decision 016: what the first load may download, and all the JavaScript together (gzip, KiB). */
export const budgets = { initialKiB: 120, allKiB: 180 } as const;
const loads = 15;

interface BundleSize {
  initial: number;
  all: number;
  files: number;
}

/** Gzipped sizes of the built JavaScript: what index.html loads first, and every chunk. */
export function bundleSize(dist: string): BundleSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = new Set(
    [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? ''),
  );
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const chunks = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  return {
    initial: [...first].reduce((sum, file) => sum + gz(file), 0),
    all: chunks.reduce((sum, file) => sum + gz(file), 0),
    files: chunks.length,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

async function run(env: Parameters<Benchmark['run']>[0]): Promise<BenchResult> {
  const { log } = env;
  if (!hasChromium()) throw new Error('Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)');
  log('  building the web app…');
  await ensureWebBuild();
  const size = bundleSize(webDist);

  const config = loadConfig({});
  // The bench's pool is a superuser's, so row-level security is not in these timings.
  const store = {
    ...actorBound(env.db),
    owner: env.db,
    appRole: undefined,
    embedded: false,
    close: async () => undefined,
  };
  const ctx = {
    db: store.db,
    config,
    log: silentLogger,
    now: () => new Date(),
    actor: systemActor,
    lang: 'en' as const,
  };
  const articleFile = path.join(config.sharedDir, 'corpus', 'seed-article.txt');
  await loadDemo(ctx, {
    article: fs.existsSync(articleFile) ? fs.readFileSync(articleFile, 'utf8') : undefined,
  });
  const app = await buildApp({
    config: {
      ...config,
      access: { ...config.access, rateLimitPerMinute: 1_000_000, signInRateLimitPerMinute: 1000 },
    },
    store,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const coordinator = demoUsers.find((user) => user.role === 'coordinator');
    if (!coordinator) throw new Error('no demo coordinator');
    await page.goto(base);
    await page.fill('input[name=email]', coordinator.email);
    await page.fill('input[name=password]', coordinator.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=dashboard][data-ready=true]');
    const cdp = await browser.context.newCDPSession(page);
    const readyAt = async () => {
      await page.waitForFunction(
        () => performance.getEntriesByName('tansiq:dashboard-ready').length > 0,
        null,
        {
          timeout: 30_000,
        },
      );
      return page.evaluate(
        () => performance.getEntriesByName('tansiq:dashboard-ready')[0]?.startTime ?? Number.NaN,
      );
    };
    log(`  ${loads} loads with an empty cache, ${loads} with a warm one…`);
    for (let i = 0; i < loads; i++) {
      await cdp.send('Network.clearBrowserCache');
      await page.goto(base, { waitUntil: 'commit' });
      cold.push(await readyAt());
    }
    for (let i = 0; i < loads; i++) {
      await page.goto(base, { waitUntil: 'commit' });
      warm.push(await readyAt());
    }
  } finally {
    await browser.close();
    await app.close();
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const kib = (bytes: number) => bytes / 1024;
  const figures: Figure[] = [
    { name: 'usable dashboard, empty cache: median', value: percentile(cold, 0.5), unit: 'ms' },
    { name: 'usable dashboard, empty cache: p90', value: percentile(cold, 0.9), unit: 'ms' },
    { name: 'usable dashboard, warm cache: median', value: percentile(warm, 0.5), unit: 'ms' },
    {
      name: `JavaScript on first load (gzip; budget ${budgets.initialKiB})`,
      value: kib(size.initial),
      unit: 'KiB',
    },
    {
      name: `all JavaScript, ${size.files} files (gzip; budget ${budgets.allKiB})`,
      value: kib(size.all),
      unit: 'KiB',
    },
  ];
  const within = (value: number, limit: number) => (value <= limit ? 'within' : 'OVER');
  return {
    figures,
    ratios: [
      {
        name: 'p90 empty-cache load ÷ goal',
        value: percentile(cold, 0.9) / goalMs,
        note: `goal: under ${goalMs} ms`,
      },
      {
        name: 'first-load JavaScript ÷ budget',
        value: kib(size.initial) / budgets.initialKiB,
        note: 'decision 017',
      },
    ],
    notes: [
      `From navigation start to the dashboard's own mark (every figure on screen), signed in as the demo coordinator, 1280×900, headless Chromium on this machine.`,
      `Goal ${goalMs} ms: median empty-cache load ${within(percentile(cold, 0.5), goalMs)} it.`,
      `Bundle: first load ${within(kib(size.initial), budgets.initialKiB)} budget, all JavaScript ${within(kib(size.all), budgets.allKiB)} budget. Fonts (Noto Sans Arabic woff2, ~98 KiB) are not JavaScript and not counted.`,
    ],
  };
}

export const webBench: Benchmark = {
  name: 'web',
  description: 'time to a usable dashboard in headless Chromium with the demo data, and the JS bundle (gzip)',
  run,
};
