// Input-to-verdict time in Chromium at 4x CPU slowdown.
//   node tools/bench.mjs BASE_URL [runs]
// Opens an asystolic arrest of unknown cause, then toggles the cause between
// reversible and irreversible by clicking its radio, measuring from the click
// (performance.now() just before it) to the moment [data-verdict] changes
// (a MutationObserver), and to the next frame after it. Prints median and p95.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const runs = Number(process.argv[3] ?? 60);
const browser = await chromium.launch({
  executablePath: process.env.ECMO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
const page = await context.newPage();
const c = { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 60 }, arrest: { rhythm: 'asystole', cpr_minutes: 35, rosc: false, hypothermia: false } };
await page.goto(new URL('index.html#case=' + encodeURIComponent(JSON.stringify(c)), base).href);
await page.locator('[data-verdict]').waitFor();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

const result = await page.evaluate(async (runs) => {
  const verdict = () => document.querySelector('[data-verdict]');
  const toVerdict = [];
  const toFrame = [];
  for (let i = 0; i < runs; i++) {
    const id = i % 2 === 0 ? 'cause-reversible' : 'cause-irreversible';
    const before = verdict().dataset.verdict;
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (verdict() && verdict().dataset.verdict !== before) {
          obs.disconnect();
          resolve(performance.now());
        }
      });
      obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-verdict'], childList: true });
    });
    const t0 = performance.now();
    document.getElementById(id).click();
    const t1 = await done;
    const t2 = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
    toVerdict.push(t1 - t0);
    toFrame.push(t2 - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { toVerdict, toFrame };
}, runs);

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`;
};
console.log(`input to updated verdict (4x CPU slowdown, ${runs} runs): ${stat(result.toVerdict)}`);
console.log(`input to next frame      (4x CPU slowdown, ${runs} runs): ${stat(result.toFrame)}`);
await browser.close();
