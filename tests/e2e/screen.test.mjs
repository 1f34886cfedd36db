// The bedside screen, as a clinician uses it: journeys by label and role,
// an axe scan of each main state at tablet and phone sizes, the arrest clock
// with a controlled clock, import, sharing, reload and back.
//
// Needs E2E_BASE_URL (scripts/test.sh serves the release build).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BASE = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/');
const TABLET = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.ECMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => browser?.close());

async function open(t, { url = BASE.href, viewport = TABLET, colorScheme = 'light', clock, permissions, bypassCSP = false } = {}) {
  // bypassCSP only for the axe scans: axe is injected as an inline script, which the app's CSP rightly blocks.
  const context = await browser.newContext({ viewport, colorScheme, permissions, bypassCSP });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('request', (r) => new URL(r.url()).origin !== BASE.origin && problems.push(`request: ${r.url()}`));
  if (clock) await page.clock.install({ time: clock });
  await page.goto(url);
  await page.locator('main').waitFor();
  return { page, problems };
}

const caseLink = (c) => new URL('index.html#case=' + encodeURIComponent(JSON.stringify(c)), BASE).href;
const verdict = (page) => page.locator('[data-verdict]').getAttribute('data-verdict');
const choose = (page, group, option) =>
  page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true }).check();

/** A clinician's arrest entries, in screen order. */
async function arrest(page, { age, rhythm, cause, minutes, rosc = 'No', hypothermia = 'No' }) {
  await choose(page, 'What is happening?', 'Refractory cardiac arrest');
  if (age !== undefined) await page.getByLabel('Age', { exact: true }).fill(String(age));
  if (rhythm) await choose(page, 'Rhythm', rhythm);
  if (cause) await choose(page, 'Cause of the arrest', cause);
  if (minutes !== undefined) await page.getByLabel('Minutes of CPR without ROSC').fill(String(minutes));
  if (rosc) await choose(page, 'Return of spontaneous circulation (ROSC)?', rosc);
  if (hypothermia) await choose(page, 'Hypothermia?', hypothermia);
}

test('VF arrest at 40 minutes: option, with its conditions', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 47, rhythm: 'VF', minutes: 40 });
  assert.equal(await verdict(page), 'option');
  await page.getByRole('heading', { name: 'ECPR can be used as an option' }).waitFor();
  assert.ok(await page.locator('[data-verdict] [data-citation="IPG808 1.1"]').count());
  for (const id of ['mdt-selection', 'specialist-centre', 'trained-team', 'shared-decision', 'elso-registry', 'ncaa']) {
    assert.equal(await page.locator(`[data-requirement="${id}"]`).getAttribute('data-status'), 'unknown', id);
  }
  await page.getByRole('group', { name: 'Specialist ECPR centre: in place for this case?' }).getByRole('radio', { name: 'Yes' }).check();
  assert.equal(await page.locator('[data-requirement="specialist-centre"]').getAttribute('data-status'), 'met');
  assert.deepEqual(problems, []);
});

test('asystolic arrest of unknown cause: what each cause would lead to', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 60, rhythm: 'Asystole', minutes: 35 });
  assert.equal(await verdict(page), 'needs-information');
  assert.equal(await page.locator('[data-verdict]').getAttribute('data-missing'), 'arrest.cause');
  const needed = page.getByRole('region', { name: 'Needed for a verdict' });
  await needed.getByText('If reversible:').waitFor();
  assert.match(await needed.innerText(), /If reversible: ECPR can be used as an option/);
  assert.match(await needed.innerText(), /If irreversible: Research only/);
  assert.ok(await needed.locator('[data-citation="IPG808 1.3"]').count());
  await choose(page, 'Cause of the arrest', 'Irreversible');
  assert.equal(await verdict(page), 'research-only');
  for (const id of ['formal-research', 'ethics-approval']) {
    assert.equal(await page.locator(`[data-requirement="${id}"]`).count(), 1, id);
  }
  assert.deepEqual(problems, []);
});

test('cannot be separated from bypass: evidence generation', async (t) => {
  const { page, problems } = await open(t);
  await choose(page, 'What is happening?', 'Postcardiotomy cardiogenic shock');
  await page.getByLabel('Age', { exact: true }).fill('66');
  await choose(page, 'Phase of care', 'Cannot be separated from cardiopulmonary bypass');
  assert.equal(await verdict(page), 'evidence-generation');
  for (const id of ['enhanced-consent', 'governance-lead-informed', 'evidence-data', 'shared-decision']) {
    assert.equal(await page.locator(`[data-requirement="${id}"]`).count(), 1, id);
  }
  await choose(page, 'Phase of care', 'Elective, at high risk of PCS');
  await page.locator('[data-caution="elective-use"]').waitFor();
  await choose(page, 'Pregnancy', 'Postpartum');
  await page.locator('[data-caution="pregnancy"]').waitFor();
  assert.equal(await verdict(page), 'evidence-generation');
  assert.deepEqual(problems, []);
});

test('pVT at 20 minutes: not yet refractory, and what applies at 30', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 39, rhythm: 'pVT', minutes: 20 });
  assert.equal(await verdict(page), 'not-yet-refractory');
  assert.equal(await page.locator('[data-verdict]').getAttribute('data-prospective'), 'option');
  await page.getByText('10 minutes to 30 minutes of CPR.').waitFor();
  await page.getByRole('heading', { name: /At 30 minutes without ROSC/ }).waitFor();
  assert.ok(await page.locator('[data-citation="IPG808 3.12"]').count());
  assert.deepEqual(problems, []);
});

test('hypothermia, ROSC and a child are outside the guidance', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 30, rhythm: 'VF', minutes: 45, hypothermia: 'Yes' });
  assert.equal(await verdict(page), 'outside-guidance');
  assert.equal(await page.locator('[data-verdict]').getAttribute('data-reason'), 'hypothermia');
  await choose(page, 'Hypothermia?', 'No');
  await choose(page, 'Return of spontaneous circulation (ROSC)?', 'Yes');
  assert.equal(await page.locator('[data-verdict]').getAttribute('data-reason'), 'rosc');
  await choose(page, 'Return of spontaneous circulation (ROSC)?', 'No');
  await page.getByLabel('Age', { exact: true }).fill('16');
  assert.equal(await page.locator('[data-verdict]').getAttribute('data-reason'), 'child');
  assert.deepEqual(problems, []);
});

test('a bad number is named at its field and nothing typed is lost', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 47, rhythm: 'VF', minutes: 40 });
  await page.getByLabel('Age', { exact: true }).fill('470');
  assert.equal(await verdict(page), 'invalid');
  const error = page.locator('[data-field-error="patient.age_years"]');
  assert.match(await error.innerText(), /expected a whole number from 0 to 120, got 470/);
  assert.equal(await page.getByLabel('Age', { exact: true }).inputValue(), '470');
  assert.equal(await page.getByRole('radio', { name: 'VF', exact: true }).isChecked(), true);
  // It survives a reload: the link carries it as typed.
  await page.reload();
  await page.locator('[data-verdict]').waitFor();
  assert.equal(await verdict(page), 'invalid');
  assert.equal(await page.getByLabel('Age', { exact: true }).inputValue(), '470');
  await page.getByLabel('Age', { exact: true }).fill('47');
  assert.equal(await verdict(page), 'option');
  assert.deepEqual(problems, []);
});

test('reload and back keep the case; new case clears after confirmation', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 55, rhythm: 'PEA', cause: 'Irreversible', minutes: 31 });
  assert.equal(await verdict(page), 'research-only');
  await page.reload();
  await page.locator('[data-verdict]').waitFor();
  assert.equal(await verdict(page), 'research-only');
  assert.equal(await page.getByLabel('Minutes of CPR without ROSC').inputValue(), '31');
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('button', { name: 'Clear all inputs' }).click();
  await page.getByRole('heading', { name: 'Open a case' }).waitFor();
  assert.equal(await page.locator('[data-verdict]').count(), 0);
  await page.goBack();
  await page.locator('[data-verdict]').waitFor();
  assert.equal(await verdict(page), 'research-only');
  assert.deepEqual(problems, []);
});

test('the arrest clock follows a controlled clock to the 30-minute threshold', async (t) => {
  const { page, problems } = await open(t, { clock: new Date('2026-11-21T14:00:00') });
  await arrest(page, { age: 50, rhythm: 'VF' });
  await page.getByRole('button', { name: 'Start clock now' }).click();
  assert.equal(await page.getByLabel('Minutes of CPR without ROSC').inputValue(), '0');
  assert.equal(await verdict(page), 'not-yet-refractory');
  await page.clock.fastForward('12:00');
  await page.getByText('12 min', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Minutes of CPR without ROSC').inputValue(), '12');
  assert.equal(await page.locator('[data-clock-left]').innerText(), '18:00');
  await page.clock.fastForward('18:00');
  await page.getByText('30 min', { exact: true }).waitFor();
  assert.equal(await verdict(page), 'option');
  // Typing by hand stops the clock and wins.
  await page.getByLabel('Minutes of CPR without ROSC').fill('25');
  await page.clock.fastForward('05:00');
  assert.equal(await page.getByLabel('Minutes of CPR without ROSC').inputValue(), '25');
  assert.equal(await page.getByRole('button', { name: 'Start clock now' }).count(), 1);
  // From the time of arrest.
  await page.getByLabel('or time of arrest').fill('13:20');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  const expected = await page.evaluate(() => {
    const arrest = new Date(Date.now());
    arrest.setHours(13, 20, 0, 0);
    return String(Math.floor((Date.now() - arrest.getTime()) / 60000));
  });
  assert.ok(Number(expected) >= 70, `the page clock is at least 14:30 (${expected} minutes)`);
  assert.equal(await page.getByLabel('Minutes of CPR without ROSC').inputValue(), expected);
  assert.deepEqual(problems, []);
});

test('a malformed import changes nothing; a good one loads', async (t) => {
  const { page, problems } = await open(t);
  await arrest(page, { age: 47, rhythm: 'VF', minutes: 40 });
  const file = page.locator('#import-file');
  await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":"ecmo-case/1","patient":{"age_years":-4}}') });
  await page.getByText('bad.json was not imported, and nothing was changed').waitFor();
  assert.match(await page.locator('[data-import-error]').innerText(), /patient\.age_years: expected a whole number from 0 to 120, got -4/);
  assert.equal(await verdict(page), 'option');
  assert.equal(await page.getByLabel('Age', { exact: true }).inputValue(), '47');
  await file.setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByText('notjson.json was not imported').waitFor();
  assert.equal(await verdict(page), 'option');
  const good = { schema: 'ecmo-case/1', indication: 'postcardiotomy-shock', patient: { age_years: 70 } };
  await file.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await page.getByText('Imported good.json.').waitFor();
  assert.equal(await verdict(page), 'evidence-generation');
  assert.deepEqual(problems, []);
});

test('copy case link gives a link that opens the same case', async (t) => {
  const { page, problems } = await open(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await arrest(page, { age: 47, rhythm: 'Asystole', cause: 'Reversible', minutes: 33 });
  await page.getByRole('checkbox', { name: 'Tamponade' }).check();
  await page.getByRole('button', { name: 'Copy case link' }).click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(BASE.origin) && link.includes('#case='), link);
  const other = await open(t, { url: link });
  assert.equal(await verdict(other.page), 'option');
  await other.page.locator('[data-caution="mixed-criteria"]').waitFor();
  assert.equal(await other.page.getByRole('checkbox', { name: 'Tamponade' }).isChecked(), true);
  assert.deepEqual([...problems, ...other.problems], []);
});

test('a citation opens its paragraph without leaving the screen', async (t) => {
  const { page, problems } = await open(t, { url: caseLink({ schema: 'ecmo-case/1', indication: 'postcardiotomy-shock', patient: { age_years: 60 } }) });
  await page.locator('[data-verdict] button[data-citation="HTG762 1.1"]').click();
  const dialog = page.getByRole('dialog', { name: 'HTG762 1.1' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /There must be enhanced informed consent and auditing of outcomes/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});

test('keyboard alone reaches a verdict', async (t) => {
  const { page, problems } = await open(t);
  await page.getByRole('radio', { name: 'Refractory cardiac arrest' }).focus();
  await page.keyboard.press('Space');
  assert.equal(await verdict(page), 'needs-information');
  await page.keyboard.press('Tab');
  await page.keyboard.type('47');
  assert.equal(await page.getByLabel('Age', { exact: true }).inputValue(), '47');
  assert.deepEqual(problems, []);
});

// --- Accessibility: zero axe-core violations in each main state, tablet and phone, light and dark.

const STATES = {
  start: null,
  option: { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 47, pregnancy: 'pregnant' }, arrest: { rhythm: 'vf', cause: 'irreversible', cpr_minutes: 40, rosc: false, hypothermia: false }, team: { mdt_selection: 'yes', specialist_centre: 'no' } },
  'evidence-generation': { schema: 'ecmo-case/1', indication: 'postcardiotomy-shock', patient: { age_years: 68 }, surgery: { phase: 'elective-high-risk', managed_with_medicines_alone: true } },
  'research-only': { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 71 }, arrest: { rhythm: 'asystole', cause: 'irreversible', cpr_minutes: 35, rosc: false, hypothermia: false } },
  'not-yet-refractory': { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 39 }, arrest: { rhythm: 'pvt', cpr_minutes: 20, rosc: false, hypothermia: false } },
  'outside-guidance': { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 28 }, arrest: { rhythm: 'vf', cpr_minutes: 45, rosc: false, hypothermia: true } },
  'needs-information': { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 55 }, arrest: { rhythm: 'asystole', cpr_minutes: 32 } },
  invalid: { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 47, name: 'x' }, arrest: { rhythm: 'vf', cpr_minutes: -4 } },
};

for (const [name, state] of Object.entries(STATES)) {
  for (const [size, viewport] of [['tablet', TABLET], ['phone', PHONE]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: ${name} at ${size} size, ${colorScheme}`, async (t) => {
        const { page, problems } = await open(t, { url: state ? caseLink(state) : BASE.href, viewport, colorScheme, bypassCSP: true });
        if (state) assert.equal(await verdict(page), name);
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
        const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
        assert.deepEqual(violations, []);
        assert.deepEqual(problems, []);
      });
    }
  }
}

test('every touch target is at least 44 by 44 CSS pixels', async (t) => {
  const { page } = await open(t, { url: caseLink(STATES.option), viewport: PHONE });
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button:not(.cite), .seg__label, .chip__label, .button, input.input, summary')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.width < 44 || r.height < 44)) out.push(`${el.className || el.tagName} ${Math.round(r.width)}x${Math.round(r.height)}: ${el.textContent.trim().slice(0, 30)}`);
    }
    return out;
  });
  assert.deepEqual(small, []);
});

test('the theme switch applies, keeps only the theme in storage, and survives a reload', async (t) => {
  const { page, problems } = await open(t);
  await page.getByLabel('Dark', { exact: true }).check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await page.locator('main').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.ok(await page.getByLabel('Dark', { exact: true }).isChecked());
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg);
  await page.getByLabel('Light', { exact: true }).check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg);
  const stored = await page.evaluate(() => Object.entries(localStorage));
  assert.deepEqual(stored, [['ecmo-aid.theme', 'light']]);
  assert.deepEqual(problems, []);
});
