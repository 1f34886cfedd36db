// The family's information sheet and the clinician's record: each variant's
// sections, printing to A4 within two pages, and the family's details kept
// out of the URL, web storage and every request.
//
// Needs E2E_BASE_URL (scripts/test.sh serves the release build).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/');
let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.ECMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => browser?.close());

const caseLink = (c) => new URL('index.html#case=' + encodeURIComponent(JSON.stringify(c)), BASE).href;

const VARIANTS = {
  option: {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 47 },
    arrest: { location: 'out-of-hospital', rhythm: 'vf', cause: 'reversible', cpr_minutes: 40, rosc: false, hypothermia: false },
  },
  'evidence-generation': {
    schema: 'ecmo-case/1', indication: 'postcardiotomy-shock', patient: { age_years: 68, pregnancy: 'pregnant' },
    surgery: { phase: 'cannot-separate-from-bypass', graft_dysfunction_after_transplant: true },
  },
  'research-only': {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 71 },
    arrest: { location: 'in-hospital', rhythm: 'asystole', cause: 'irreversible', cpr_minutes: 35, rosc: false, hypothermia: false },
  },
};

const COMMON = ['about', 'who-talked', 'what-is-ecmo', 'why-considered', 'what-nice-says', 'benefits', 'risks', 'outcome-figure', 'if-not-used', 'registry', 'questions', 'notes'];

// Distinctive values typed for the family: none may leave the page.
const TYPED = {
  'Name of the person who is ill': 'Zebedee Quixley',
  'Hospital': 'Quernmore General',
  'Doctor or nurse who talked with the family': 'Dr Yarrowby',
  'Their role': 'Consultant Xylophonist',
  'Who they talked with': 'Wilhelmina Quixley (sister)',
  'Date and time of the talk': '21 November 2026 14:30',
  "Centre's figure": '37',
  'What the figure counts': 'survived to leave hospital',
  'Source of the figure': 'Quernmore ECMO audit',
};

async function open(t, url) {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '', headers: JSON.stringify(r.headers()) }));
  await page.goto(url);
  await page.locator('[data-verdict]').waitFor();
  return { page, problems, requests, context };
}

async function pages(page) {
  await page.evaluate(() => document.documentElement.setAttribute('data-printing', 'sheet'));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.documentElement.removeAttribute('data-printing'));
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

for (const [variant, c] of Object.entries(VARIANTS)) {
  test(`${variant}: the sheet has its sections, cites each, and prints on two A4 pages`, async (t) => {
    const { page, problems } = await open(t, caseLink(c));
    assert.equal(await page.locator('[data-verdict]').getAttribute('data-verdict'), variant);
    await page.locator('[data-action="consent-sheet"]').click();
    const sheet = page.locator('#consent-sheet');
    await sheet.waitFor();
    const ids = await sheet.locator('[data-section]').evaluateAll((els) => els.map((e) => e.dataset.section));
    for (const id of COMMON) assert.ok(ids.includes(id), `section ${id} in ${ids}`);
    assert.equal(ids.includes('research'), variant === 'research-only');
    const registry = await sheet.locator('[data-section="registry"]').innerText();
    assert.match(registry, /ELSO/);
    assert.equal(/National Cardiac Arrest Audit/.test(registry), variant !== 'evidence-generation');
    if (variant === 'research-only') assert.match(await sheet.locator('[data-section="research"]').innerText(), /ethics committee/);
    // Every section drawn from the guidance carries its citation.
    for (const id of ['what-is-ecmo', 'why-considered', 'what-nice-says', 'benefits', 'risks', 'if-not-used', 'registry']) {
      assert.ok(await sheet.locator(`[data-section="${id}"] [data-citation]`).count(), `citations in ${id}`);
    }
    assert.match(await sheet.locator('.sheet__stamp').innerText(), variant === 'evidence-generation' ? /HTG762.*18 December 2025/ : /IPG808.*22 October 2025/);
    assert.match(await sheet.locator('.sheet__stamp').innerText(), /ecmo-aid \d+\.\d+\.\d+/);
    assert.ok((await pages(page)) <= 2, 'blank sheet within two pages');
    for (const [label, value] of Object.entries(TYPED)) await page.getByLabel(label, { exact: true }).fill(value);
    await sheet.locator('[data-section="outcome-figure"] svg[role="img"]').first().waitFor();
    assert.match(await sheet.locator('[data-section="outcome-figure"]').innerText(), /About 37 in 100/);
    assert.match(await sheet.locator('[data-section="outcome-figure"]').innerText(), /cannot say what will happen to one person/);
    const n = await pages(page);
    assert.ok(n >= 1 && n <= 2, `filled sheet prints on ${n} pages`);
    assert.deepEqual(problems, []);
  });
}

test('a bad outcome figure is named at its field and the sheet shows no figure', async (t) => {
  const { page, problems } = await open(t, caseLink(VARIANTS.option));
  await page.locator('[data-action="consent-sheet"]').click();
  await page.getByLabel("Centre's figure", { exact: true }).fill('140');
  await page.getByText("Centre's figure: expected a whole number from 0 to 100, got \"140\"").waitFor();
  assert.equal(await page.locator('#consent-sheet [data-section="outcome-figure"] svg').count(), 0);
  assert.deepEqual(problems, []);
});

test('large print enlarges the sheet on screen and on paper, and survives typing', async (t) => {
  const { page, problems } = await open(t, caseLink(VARIANTS.option));
  await page.locator('[data-action="consent-sheet"]').click();
  const size = () => page.locator('#consent-sheet article.sheet').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size();
  const normalPages = await pages(page);
  await page.getByLabel('Large print').check();
  assert.ok((await size()) > before, 'larger type on screen');
  await page.getByLabel('Name of the person who is ill').fill('Alex Example');
  assert.ok(await page.getByLabel('Large print').isChecked(), 'typing keeps large print');
  assert.ok((await pages(page)) > normalPages, 'large print takes more pages');
  assert.deepEqual(problems, []);
});

test('typed markup in the family\'s details prints as text, never as markup', async (t) => {
  const { page, problems } = await open(t, caseLink(VARIANTS.option));
  await page.locator('[data-action="consent-sheet"]').click();
  const typed = '<img src=x id=injected><b>Alex</b> & "Jo"';
  await page.getByLabel('Name of the person who is ill').fill(typed);
  await page.getByLabel('Notes for the family (optional)').fill('<script>document.title="x"</script>');
  const sheet = page.locator('#consent-sheet article.sheet');
  await sheet.getByText(typed, { exact: true }).waitFor();
  assert.equal(await page.locator('#injected').count(), 0, 'no element made from typed text');
  assert.equal(await sheet.locator('b, script').count(), 0);
  assert.ok((await sheet.innerText()).includes('<script>document.title="x"</script>'));
  assert.notEqual(await page.title(), 'x');
  assert.deepEqual(problems, []);
});

test('no sheet is offered for verdicts that do not lead to ECMO', async (t) => {
  for (const c of [
    { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 39 }, arrest: { rhythm: 'pvt', cpr_minutes: 20, rosc: false, hypothermia: false } },
    { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 39 }, arrest: { rhythm: 'vf', cpr_minutes: 40, rosc: true } },
  ]) {
    const { page } = await open(t, caseLink(c));
    assert.equal(await page.locator('[data-action="consent-sheet"]').count(), 0);
    assert.equal(await page.locator('[data-action="record"]').count(), 1, 'the record is always available');
  }
});

test("the family's details never reach the URL, web storage or any request, and clear empties them", async (t) => {
  const { page, problems, requests } = await open(t, caseLink(VARIANTS['research-only']));
  await page.locator('[data-action="consent-sheet"]').click();
  for (const [label, value] of Object.entries(TYPED)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel('Notes for the family (optional)').fill('Xanthe will call Quernmore tonight');
  // Use the screen: change the case, open the record, print.
  await page.getByRole('group', { name: 'Formal research: in place for this case?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.locator('[data-action="record"]').click();
  await pages(page);
  const secrets = [...Object.values(TYPED).filter((v) => /Quixley|Quernmore|Yarrowby|Xylophonist/.test(v)), 'Xanthe'];
  const stored = await page.evaluate(() => {
    const all = [];
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) all.push(s.key(i), s.getItem(s.key(i)));
    return all.join('\n') + '\n' + document.cookie;
  });
  const url = page.url();
  for (const secret of secrets) {
    for (const word of secret.split(' ').filter((w) => /^[A-Z][a-z]{4,}$/.test(w))) {
      assert.ok(!url.includes(word), `URL holds ${word}`);
      assert.ok(!decodeURIComponent(url).includes(word), `URL holds ${word}`);
      assert.ok(!stored.includes(word), `storage holds ${word}`);
      for (const r of requests) assert.ok(!(r.url + r.body + r.headers).includes(word), `a request carries ${word}: ${r.url}`);
    }
  }
  for (const r of requests) assert.equal(new URL(r.url).origin, BASE.origin, r.url);
  // The record holds no name.
  assert.ok(!(await page.locator('#clinician-record').innerText()).includes('Quixley'));
  // Clear empties every typed field.
  await page.locator('[data-action="consent-sheet"]').click();
  assert.equal(await page.getByLabel('Hospital', { exact: true }).inputValue(), 'Quernmore General');
  await page.getByRole('button', { name: "Clear the family's details" }).click();
  for (const label of Object.keys(TYPED)) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), '', label);
  assert.ok(!(await page.locator('#consent-sheet').innerText()).includes('Quixley'));
  assert.deepEqual(problems, []);
});

test('the clinician record lists the case, verdict and every condition with its status', async (t) => {
  const c = { ...VARIANTS.option, team: { mdt_selection: 'yes', specialist_centre: 'no' } };
  const { page, problems } = await open(t, caseLink(c));
  await page.locator('[data-action="record"]').click();
  const record = page.locator('#clinician-record');
  await record.waitFor();
  const text = await record.innerText();
  assert.match(text, /Verdict: ECPR can be used as an option \(option\)/);
  assert.match(text, /Multidisciplinary team selection\s+Met/);
  assert.match(text, /Specialist ECPR centre\s+Not met/);
  assert.match(text, /Specifically trained team\s+Not known/);
  assert.match(text, /HTG762.*IPG808|IPG808.*HTG762/s);
  assert.ok(await record.locator('[data-citation="IPG808 1.1"]').count());
  await page.evaluate(() => document.documentElement.setAttribute('data-printing', 'record'));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length >= 1);
  assert.deepEqual(problems, []);
});

test('every printed page of the sheet and the record carries the app and guidance versions', async (t) => {
  const { page, problems } = await open(t, caseLink(VARIANTS['research-only']));
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-print-'));
  for (const what of ['sheet', 'record']) {
    await page.locator(what === 'sheet' ? '[data-action="consent-sheet"]' : '[data-action="record"]').click();
    await page.evaluate((w) => document.documentElement.setAttribute('data-printing', w), what);
    await page.emulateMedia({ media: 'print' });
    const file = join(dir, `${what}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.documentElement.removeAttribute('data-printing'));
    const pages = execFileSync('pdftotext', [file, '-']).toString().split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ' '));
    assert.ok(pages.length >= 1);
    for (const [i, text] of pages.entries()) {
      assert.match(text, /VA ECMO decision aid \d+\.\d+\.\d+/, `${what} page ${i + 1}: app version`);
      assert.match(text, /HTG762 \(published 18 December 2025/, `${what} page ${i + 1}: HTG762 version`);
      assert.match(text, /IPG808 \(published 22 October 2025\)/, `${what} page ${i + 1}: IPG808 version`);
      assert.match(text, new RegExp(`Page ${i + 1} of ${pages.length}`), `${what} page ${i + 1}: page number`);
    }
  }
  assert.deepEqual(problems, []);
});
