// Screenshots of the release build, for looking at what we build.
//   node tools/shots.mjs OUT_DIR BASE_URL [name=fragment ...]
// Each page is shot at tablet portrait (820x1180), tablet landscape (1180x820)
// and phone (390x844) sizes, full page, in light and dark schemes.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [out, base, ...pages] = process.argv.slice(2);
const sizes = { tablet: [820, 1180], landscape: [1180, 820], phone: [390, 844] };
const browser = await chromium.launch({
  executablePath: process.env.ECMO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const schemes = (process.env.SCHEMES || 'light').split(',');
for (const spec of pages.length ? pages : ['start=']) {
  const [name, fragment] = spec.split(/=(.*)/s);
  for (const [size, [width, height]] of Object.entries(sizes)) {
    for (const colorScheme of schemes) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${base}/index.html${fragment ? '#' + fragment : ''}`);
      await page.locator('main').waitFor();
      await page.screenshot({ path: `${out}/${name}-${size}-${colorScheme}.png`, fullPage: true });
      await context.close();
    }
  }
}
await browser.close();
