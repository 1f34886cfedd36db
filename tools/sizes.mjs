// Each file of a build and the total first-visit transfer, raw and gzip -9,
// for the app and a bare Yew counter, and their ratio.
//   node tools/sizes.mjs APP_DIST COUNTER_DIST
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const files = (dir) => {
  const out = [];
  const walk = (d) => readdirSync(d).sort().filter((e) => !e.startsWith('.')).forEach((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : out.push(join(d, e))));
  walk(dir);
  return out;
};
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
const table = (name, dir) => {
  let raw = 0, gz = 0;
  console.log(`${name} (${dir}): every file is fetched on the first visit (the service worker precaches them all)`);
  for (const f of files(dir)) {
    const data = readFileSync(f);
    const g = gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gz += g;
    console.log(`  ${relative(dir, f).padEnd(40)} ${kb(data.length)} raw ${kb(g)} gzip`);
  }
  console.log(`  ${'total first-visit transfer'.padEnd(40)} ${kb(raw)} raw ${kb(gz)} gzip`);
  return gz;
};
const [app, counter] = process.argv.slice(2);
const a = table('app', app);
const c = table('bare Yew counter', counter);
console.log(`ratio app / bare counter (gzip): ${(a / c).toFixed(2)} (target 2.0 or less); app total ${(a / 1024).toFixed(1)} KB gzip (target 150 KB or less)`);
