// End-to-end tests of the release build: what a person opening a case link sees.
//
// Needs the build served (scripts/test.sh starts tests/e2e/serve.mjs on a free
// port) and its address in E2E_BASE_URL, e.g. http://127.0.0.1:41234/.
// Run: E2E_BASE_URL=... node --test tests/e2e/
//
// Pages are read through the page contract's data-* hooks, never through
// wording or layout, except where a test is about the words a person reads.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const BASE = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/');
const CHROMIUM = process.env.ECMO_CHROMIUM ?? '/usr/bin/chromium';

// Every request any page makes, in every test; each must go to BASE's origin.
const requests = [];
let browser;

before(async () => {
  browser = await chromium.launch({
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
});

after(async () => {
  await browser?.close();
});

const caseLink = (caseObj) =>
  new URL('index.html#case=' + encodeURIComponent(JSON.stringify(caseObj)), BASE).href;

/**
 * Opens `url` in a fresh context; closes it when the test ends. `problems`
 * collects page errors, console errors and requests to other origins.
 */
async function open(t, url) {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    requests.push(req.url());
    if (new URL(req.url()).origin !== BASE.origin) {
      problems.push(`request to another origin: ${req.url()}`);
    }
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  await page.goto(url);
  return { page, problems };
}

/** Waits for the one verdict and returns its element. */
async function verdictOf(page) {
  const verdict = page.locator('[data-verdict]');
  await verdict.first().waitFor();
  assert.equal(await verdict.count(), 1, 'exactly one [data-verdict]');
  return verdict;
}

async function expectStatuses(page) {
  const reqs = page.locator('[data-requirement]');
  assert.ok((await reqs.count()) > 0, 'some [data-requirement]');
  for (const status of await reqs.evaluateAll((els) => els.map((e) => e.dataset.status))) {
    assert.ok(['met', 'not-met', 'unknown'].includes(status), `data-status ${status}`);
  }
}

async function expectPresent(page, selector) {
  assert.ok((await page.locator(selector).count()) > 0, `${selector} is on the page`);
}

// The example cases, one per verdict.
const CASES = {
  option: {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest',
    patient: { age_years: 47, pregnancy: 'not-pregnant' },
    arrest: {
      location: 'out-of-hospital', rhythm: 'vf', cause: 'reversible',
      reversible_causes: ['thrombosis-coronary'], cpr_minutes: 40, rosc: false, hypothermia: false,
    },
    team: { mdt_selection: 'yes', specialist_centre: 'yes', trained_team: 'yes' },
  },
  'evidence-generation': {
    schema: 'ecmo-case/1', indication: 'postcardiotomy-shock', patient: { age_years: 68 },
    surgery: { phase: 'cannot-separate-from-bypass', managed_with_medicines_alone: false },
  },
  'research-only': {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 71 },
    arrest: {
      location: 'in-hospital', rhythm: 'asystole', cause: 'irreversible',
      cpr_minutes: 35, rosc: false, hypothermia: false,
    },
  },
  'not-yet-refractory': {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 39 },
    arrest: {
      location: 'in-hospital', rhythm: 'pvt', cause: 'unknown',
      cpr_minutes: 20, rosc: false, hypothermia: false,
    },
  },
  'outside-guidance': {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 28 },
    arrest: { rhythm: 'vf', cpr_minutes: 45, rosc: false, hypothermia: true },
  },
  'needs-information': {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 55 },
    arrest: { rhythm: 'asystole', cause: 'unknown', cpr_minutes: 32, rosc: false, hypothermia: false },
  },
  invalid: {
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 47 },
    arrest: { rhythm: 'vf', cpr_minutes: -4 },
  },
};

// What each example must show beyond its verdict.
const CHECKS = {
  option: async (page) => {
    await expectStatuses(page);
    await expectPresent(page, '[data-requirement="shared-decision"]');
    await expectPresent(page, '[data-requirement="ncaa"]');
    await expectPresent(page, '[data-citation="IPG808 1.1"]');
  },
  'evidence-generation': async (page) => {
    await expectStatuses(page);
    await expectPresent(page, '[data-requirement="enhanced-consent"]');
    await expectPresent(page, '[data-citation="HTG762 1.1"]');
  },
  'research-only': async (page) => {
    await expectStatuses(page);
    await expectPresent(page, '[data-requirement="ethics-approval"]');
    await expectPresent(page, '[data-requirement="formal-research"]');
    await expectPresent(page, '[data-citation="IPG808 1.3"]');
  },
  'not-yet-refractory': async (page, verdict) => {
    assert.equal(await verdict.getAttribute('data-prospective'), 'option');
    await expectPresent(page, '[data-citation="IPG808 3.1"]');
  },
  'outside-guidance': async (page, verdict) => {
    assert.equal(await verdict.getAttribute('data-reason'), 'hypothermia');
  },
  'needs-information': async (page, verdict) => {
    assert.equal(await verdict.getAttribute('data-missing'), 'arrest.cause');
  },
  invalid: async (page) => {
    const error = page.locator('[data-field-error="arrest.cpr_minutes"]');
    assert.equal(await error.count(), 1, 'one error for arrest.cpr_minutes');
    assert.match(await error.textContent(), /expected a whole number from 0 to 600/);
  },
};

for (const [expected, caseObj] of Object.entries(CASES)) {
  test(`example case: ${expected}`, async (t) => {
    const { page, problems } = await open(t, caseLink(caseObj));
    const verdict = await verdictOf(page);
    assert.equal(await verdict.getAttribute('data-verdict'), expected);
    await CHECKS[expected](page, verdict);
    assert.deepEqual(problems, []);
  });
}

const cautionsOf = (page) =>
  page.locator('[data-caution]').evaluateAll((els) => els.map((e) => e.dataset.caution));

test('VF arrest with an irreversible cause: option, with the mixed-criteria caution', async (t) => {
  const { page, problems } = await open(t, caseLink({
    schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 50 },
    arrest: { rhythm: 'vf', cause: 'irreversible', cpr_minutes: 35, rosc: false, hypothermia: false },
  }));
  const verdict = await verdictOf(page);
  assert.equal(await verdict.getAttribute('data-verdict'), 'option');
  assert.ok((await cautionsOf(page)).includes('mixed-criteria'));
  assert.deepEqual(problems, []);
});

test('elective high-risk surgery, medicines alone, pregnant: three cautions', async (t) => {
  const { page, problems } = await open(t, caseLink({
    schema: 'ecmo-case/1', indication: 'postcardiotomy-shock',
    patient: { age_years: 34, pregnancy: 'pregnant' },
    surgery: { phase: 'elective-high-risk', managed_with_medicines_alone: true },
  }));
  await verdictOf(page);
  const cautions = await cautionsOf(page);
  for (const id of ['elective-use', 'medicines-alone', 'pregnancy']) {
    assert.ok(cautions.includes(id), `caution ${id} in ${JSON.stringify(cautions)}`);
  }
  assert.deepEqual(problems, []);
});

test('a child is outside the guidance', async (t) => {
  const child = structuredClone(CASES.option);
  child.patient = { age_years: 12 };
  const { page, problems } = await open(t, caseLink(child));
  const verdict = await verdictOf(page);
  assert.equal(await verdict.getAttribute('data-verdict'), 'outside-guidance');
  assert.equal(await verdict.getAttribute('data-reason'), 'child');
  assert.deepEqual(problems, []);
});

test('team answers show as met, not met and unknown', async (t) => {
  const c = structuredClone(CASES.option);
  c.team = { mdt_selection: 'yes', specialist_centre: 'no' };
  const { page, problems } = await open(t, caseLink(c));
  const verdict = await verdictOf(page);
  assert.equal(await verdict.getAttribute('data-verdict'), 'option');
  const status = (id) => page.locator(`[data-requirement="${id}"]`).getAttribute('data-status');
  assert.equal(await status('mdt-selection'), 'met');
  assert.equal(await status('specialist-centre'), 'not-met');
  assert.equal(await status('trained-team'), 'unknown');
  assert.deepEqual(problems, []);
});

test('a malformed link shows a readable error, and nothing breaks', async (t) => {
  const { page, problems } = await open(t, new URL('index.html#case=%7Bnot json', BASE).href);
  const verdict = await verdictOf(page);
  assert.equal(await verdict.getAttribute('data-verdict'), 'invalid');
  const error = page.locator('[data-field-error="case"]');
  assert.equal(await error.count(), 1);
  assert.match(await error.textContent(), /not a valid case file/);
  assert.deepEqual(problems, [], 'no page error, console error or foreign request');
});

test('an unknown schema is invalid and names the schema this app reads', async (t) => {
  const { page, problems } = await open(t, caseLink({ schema: 'ecmo-case/9' }));
  const verdict = await verdictOf(page);
  assert.equal(await verdict.getAttribute('data-verdict'), 'invalid');
  const error = page.locator('[data-field-error="schema"]');
  assert.equal(await error.count(), 1);
  assert.match(await error.textContent(), /ecmo-case\/1/);
  assert.deepEqual(problems, []);
});

test('with no case, the start page offers examples that open', async (t) => {
  const { page, problems } = await open(t, BASE.href);
  await page.getByRole('heading', { name: 'Open a case' }).waitFor();
  assert.equal(await page.locator('[data-verdict]').count(), 0, 'no verdict without a case');
  await page.getByText('Example cases').click();
  const examples = page.locator('a[href^="#case="]');
  assert.ok((await examples.count()) > 0, 'example links');
  await examples.first().click();
  await verdictOf(page);
  assert.match(new URL(page.url()).hash, /^#case=/);
  assert.deepEqual(problems, []);
});

test('changing the fragment while open loads the new case', async (t) => {
  const { page, problems } = await open(t, caseLink(CASES.option));
  assert.equal(await (await verdictOf(page)).getAttribute('data-verdict'), 'option');
  const next = '#case=' + encodeURIComponent(JSON.stringify(CASES['research-only']));
  await page.evaluate((h) => { location.hash = h; }, next);
  await page.locator('[data-verdict="research-only"]').waitFor();
  assert.equal(await page.locator('[data-verdict]').count(), 1);
  await page.evaluate(() => { location.hash = ''; });
  await page.getByRole('heading', { name: 'Open a case' }).waitFor();
  assert.equal(await page.locator('[data-verdict]').count(), 0);
  assert.deepEqual(problems, []);
});

test('every request of every page went to the app own origin', () => {
  assert.ok(requests.length > 0, 'the tests saw requests');
  const foreign = requests.filter((u) => new URL(u).origin !== BASE.origin);
  assert.deepEqual(foreign, []);
});
