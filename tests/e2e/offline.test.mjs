// Offline, private, embeddable: each promise proven in Chromium.
//
// The offline tests start their own server on a copy of dist/ (DIST, default
// dist) so they can stop it or rebuild it; the rest use E2E_BASE_URL.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const BASE = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/');

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.ECMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
after(async () => browser?.close());

/** Serves `dir` on a free port; resolves to { url, stop }. */
function serve(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(HERE, 'serve.mjs'), '0', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    // stop() may be called more than once (by a test and by its clean-up): it kills once.
    let exited;
    const stop = () => {
      exited ??= new Promise((r) => { if (child.exitCode !== null) r(); else { child.once('exit', r); child.kill('SIGTERM'); } });
      return exited;
    };
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\S+)/);
      if (m) resolve({ url: m[1], stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const copyOfDist = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return dir;
};

const caseLink = (base, c) => new URL('index.html#case=' + encodeURIComponent(JSON.stringify(c)), base).href;
const VF = { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 47 }, arrest: { rhythm: 'vf', cpr_minutes: 40, rosc: false, hypothermia: false } };
const RESEARCH = { schema: 'ecmo-case/1', indication: 'refractory-cardiac-arrest', patient: { age_years: 71 }, arrest: { rhythm: 'asystole', cause: 'irreversible', cpr_minutes: 35, rosc: false, hypothermia: false } };

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('after the first load and with the server stopped, a reload works and a new case link still decides', async (t) => {
  const server = await serve(copyOfDist());
  t.after(() => server.stop());
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(caseLink(server.url, VF));
  await page.locator('[data-verdict="option"]').waitFor();
  await controlled(page);
  assert.equal(await page.locator('[data-update-ready]').count(), 0, 'a first install is not an update');
  await server.stop();
  await page.reload();
  await page.locator('[data-verdict="option"]').waitFor();
  const other = await context.newPage();
  await other.goto(caseLink(server.url, RESEARCH));
  await other.locator('[data-verdict="research-only"]').waitFor();
  // A query string (the embed mode) is served offline too.
  await other.goto(caseLink(server.url, VF).replace('index.html#', 'index.html?embed=1#'));
  await other.locator('[data-verdict="option"]').waitFor();
  assert.deepEqual(errors, []);
});

test('a new build replaces the old cache', async (t) => {
  const dir = copyOfDist();
  const server = await serve(dir);
  t.after(() => server.stop());
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(caseLink(server.url, VF));
  await page.locator('[data-verdict]').waitFor();
  await controlled(page);
  const first = await page.evaluate(() => caches.keys());
  assert.equal(first.length, 1);
  assert.match(first[0], /^ecmo-aid-[0-9a-f]{16}$/);
  // A new build: a changed file, and the post-build step run again.
  const css = readdirSync(dir).find((f) => f.endsWith('.css'));
  appendFileSync(join(dir, css), '\n/* rebuilt */\n');
  execFileSync(process.execPath, [join(ROOT, 'tools', 'post_build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: dir } });
  const second = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.installing ?? reg.waiting;
    if (worker && worker.state !== 'activated') {
      await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r()));
    }
    return caches.keys();
  });
  assert.equal(second.length, 1, `one cache after the update: ${second}`);
  assert.notEqual(second[0], first[0]);
  const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), second[0]);
  assert.ok(cached.some((p) => p.endsWith('.wasm')) && cached.some((p) => p.endsWith('/index.html')), cached.join(' '));
  // The open page says it runs an old version, and a reload keeps the case.
  await page.locator('[data-update-ready]').waitFor();
  await page.getByRole('button', { name: 'Reload now' }).click();
  await page.locator('[data-verdict="option"]').waitFor();
  assert.equal(await page.locator('[data-update-ready]').count(), 0);
});

test('a full session makes requests only to its own origin, carries no typed data, and breaks no CSP rule', async (t) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  page.on('request', (r) => requests.push(r));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE.href);
  await page.getByRole('radio', { name: 'Refractory cardiac arrest' }).check();
  await page.getByLabel('Age', { exact: true }).fill('58');
  await page.getByRole('radio', { name: 'VF', exact: true }).check();
  await page.getByLabel('Minutes of CPR without ROSC').fill('41');
  await page.getByRole('group', { name: 'Return of spontaneous circulation (ROSC)?' }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('group', { name: 'Hypothermia?' }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.locator('[data-verdict="option"]').waitFor();
  await page.locator('button[data-citation="IPG808 1.1"]').first().click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Copy case link' }).click();
  await page.locator('[data-action="consent-sheet"]').click();
  await page.getByLabel('Name of the person who is ill').fill('Ottoline Vexbridge');
  await page.getByLabel('Hospital', { exact: true }).fill('Vexbridge Infirmary');
  await page.getByLabel("Centre's figure").fill('31');
  await page.evaluate(() => document.documentElement.setAttribute('data-printing', 'sheet'));
  await page.emulateMedia({ media: 'print' });
  await page.pdf();
  await page.emulateMedia({ media: 'screen' });
  await page.locator('[data-action="record"]').click();
  await page.getByRole('button', { name: 'Export case file' }).click();
  for (const r of requests) {
    assert.equal(new URL(r.url()).origin, BASE.origin, `request to ${r.url()}`);
    const carried = r.url() + (r.postData() ?? '') + JSON.stringify(r.headers());
    for (const word of ['Ottoline', 'Vexbridge']) assert.ok(!carried.includes(word), `${r.url()} carries ${word}`);
  }
  assert.ok(requests.every((r) => r.method() === 'GET'), 'only GETs of its own files');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!storage.includes('Vexbridge') && !storage.includes('Ottoline'), storage);
  assert.deepEqual(errors, []);
});

test('embed mode inside a cross-origin iframe shows the verdict for a case link', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const src = caseLink(BASE, RESEARCH).replace('index.html#', 'index.html?embed=1&teach=1#');
  // An e-learning page on another origin (another port: another origin), from
  // a real server of the test's own: Chromium's local network access checks
  // only let loopback pages frame a loopback address.
  const hostServer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Module 3</title><h1>ECPR</h1><iframe title="ECMO aid" src="${src}" width="800" height="900"></iframe>`);
  });
  await new Promise((r) => hostServer.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => hostServer.close(r)));
  const host = `http://127.0.0.1:${hostServer.address().port}/module-3.html`;
  assert.notEqual(new URL(host).origin, BASE.origin);
  await page.goto(host);
  const frame = page.frameLocator('iframe[title="ECMO aid"]');
  await frame.locator('[data-verdict="research-only"]').waitFor();
  assert.equal(await frame.locator('.masthead').count(), 0, 'no page chrome');
  assert.equal(await frame.getByRole('link', { name: 'Open in a new tab' }).count(), 1);
  // Teaching mode: the rules behind the verdict are open, with the learning point when it is a teaching case.
  assert.equal(await frame.locator('details.trace[open]').count(), 1);
  assert.ok(await frame.locator('[data-rule="ipg808.non-shockable-irreversible"]').count());
  await frame.locator('[data-action="consent-sheet"]').click();
  await frame.locator('#consent-sheet [data-section="research"]').waitFor();
  assert.equal(await frame.getByRole('link', { name: 'Open the sheet in a new tab' }).count(), 1);
});

test('each teaching case shows its expected verdict and learning point', async (t) => {
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(new URL('index.html?teach=1', BASE).href);
  await page.getByRole('heading', { name: 'Open a case' }).waitFor();
  const cases = await page.locator('[data-teaching-case]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.teachingCase, href: e.querySelector('a').getAttribute('href'), expect: e.querySelector('.hint').textContent.replace(' reaches ', '').trim() })));
  assert.ok(cases.length >= 10, `${cases.length} teaching cases`);
  const seen = new Set();
  for (const c of cases) {
    await page.goto(new URL('index.html?teach=1' + c.href, BASE).href);
    await page.locator('[data-verdict]').waitFor();
    assert.equal(await page.locator('[data-verdict]').getAttribute('data-verdict'), c.expect, c.id);
    assert.equal(await page.locator(`[data-learning="${c.id}"]`).count(), 1, `learning point of ${c.id}`);
    seen.add(c.expect);
  }
  assert.equal(seen.size, 7, 'every verdict');
});

test('Chromium finds nothing that stops the app being installed', async (t) => {
  // A real profile: installing is never offered in an incognito context.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ecmo-profile-')), {
    executablePath: process.env.ECMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(BASE.href);
  await page.locator('main').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.url, /manifest\.webmanifest$/);
});

test('served from a sub-path, the app decides and works offline', async (t) => {
  // The build mounted at /trust/ecmo/ by a server of the test's own.
  const dir = copyOfDist();
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!path.startsWith('/trust/ecmo/')) { res.writeHead(404); res.end(); return; }
    const rel = path.slice('/trust/ecmo/'.length) || 'index.html';
    if (rel.includes('..')) { res.writeHead(400); res.end(); return; }
    try {
      const body = readFileSync(join(dir, rel));
      res.writeHead(200, { 'content-type': types[rel.slice(rel.lastIndexOf('.'))] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/trust/ecmo/`;
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(caseLink(base, RESEARCH));
  await page.locator('[data-verdict="research-only"]').waitFor();
  await controlled(page);
  assert.deepEqual(failed, []);
  await new Promise((r) => server.close(r));
  await page.reload();
  await page.locator('[data-verdict="research-only"]').waitFor();
});
