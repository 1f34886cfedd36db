// Lighthouse 12, mobile profile, against Debian Chromium: the scores and the
// metrics behind performance.
//   node tools/lighthouse.mjs URL [runs]
// Needs lighthouse@12 in ~/.cache/ecmo-aid/lighthouse (scripts/bench.sh
// installs it: it is not in a lock file, as `npm ci` rejects it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const bin = join(process.env.LIGHTHOUSE_DIR ?? join(homedir(), '.cache/ecmo-aid/lighthouse'), 'node_modules/.bin/lighthouse');
const dir = mkdtempSync(join(tmpdir(), 'lh-'));
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
try {
  for (let i = 1; i <= runs; i++) {
    const out = join(dir, `run${i}.json`);
    execFileSync(bin, [url, '--form-factor=mobile', '--only-categories=performance,accessibility,best-practices',
      '--output=json', `--output-path=${out}`, '--quiet', '--chrome-flags=--headless=new --no-sandbox'],
      { env: { ...process.env, CHROME_PATH: process.env.ECMO_CHROMIUM || '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const score = (c) => Math.round(r.categories[c].score * 100);
    const m = metrics.map((k) => `${k.split('-').map((w) => w[0]).join('').toUpperCase()} ${r.audits[k].displayValue.replace(/\s/g, ' ')}`).join(', ');
    console.log(`  run ${i}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')} (${m})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
