// Prints the family's sheet (or the clinician's record) of a case to PDF, as
// the browser's print would: A4, print styles, that document alone.
//   node tools/print.mjs BASE_URL OUT.pdf sheet|record CASE_JSON [large] [fill]
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [base, out, what = 'sheet', caseJson, ...flags] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.ECMO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await (await browser.newContext()).newPage();
await page.goto(new URL('index.html#case=' + encodeURIComponent(caseJson), base).href);
await page.locator('[data-verdict]').waitFor();
await page.locator(what === 'sheet' ? '[data-action="consent-sheet"]' : '[data-action="record"]').click();
if (flags.includes('fill')) {
  await page.getByLabel('Name of the person who is ill').fill('Alex Example');
  await page.getByLabel('Hospital', { exact: true }).fill('Example Hospital');
  await page.getByLabel('Doctor or nurse who talked with the family').fill('Dr Sam Sample');
  await page.getByLabel('Their role').fill('Consultant in intensive care');
  await page.getByLabel('Who they talked with').fill('Jo Example (partner)');
  await page.getByLabel('Date and time of the talk').fill('21 November 2026, 14:30');
  await page.getByLabel("Centre's figure").fill('30');
  await page.getByLabel('What the figure counts').fill('survived to leave hospital');
  await page.getByLabel('Source of the figure').fill('our ECMO audit, 2020 to 2024');
}
if (flags.includes('large')) await page.getByLabel('Large print').check();
await page.evaluate((w) => document.documentElement.setAttribute('data-printing', w), what);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
await browser.close();
