// A tiny static file server for the release build (dist/), on node:http only.
//
//   node tests/e2e/serve.mjs [port] [dir]
//
// port: argv[2], else $PORT, else 8080; 0 picks a free port.
// dir:  argv[3], else $DIST_DIR, else dist/ at the repository root.
// Listens on $HOST (default 127.0.0.1). When ready it prints one line,
// "serving DIR at http://HOST:PORT/", which scripts/test.sh reads to learn the port.
// Stops on SIGINT or SIGTERM.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const root = resolve(process.argv[3] ?? process.env.DIST_DIR ?? join(here, '..', '..', 'dist'));
const host = process.env.HOST ?? '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve.mjs: not a port: ${process.argv[2] ?? process.env.PORT}`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

// Compressed as any real host compresses them (see the README's host notes).
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json)|image\/svg)/;

function send(res, status, type, body, head, gzip = false) {
  const headers = {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  if (gzip && COMPRESSIBLE.test(type)) {
    body = gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = Buffer.byteLength(body);
  res.writeHead(status, headers);
  res.end(head ? undefined : body);
}

// The file for a request path, or null when there is none inside root.
async function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', head);
  }
  const pathname = (req.url ?? '/').split(/[?#]/, 1)[0];
  const file = pathname.startsWith('/') ? await fileFor(pathname) : null;
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
  try {
    const body = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    return send(res, 200, type, body, head, gzip);
  } catch {
    return send(res, 500, 'text/plain; charset=utf-8', 'cannot read file\n', head);
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(`serve.mjs: ${req.method} ${req.url}: ${err.message}`);
    if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'server error\n', false);
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(`serve.mjs: ${err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`serving ${root} at http://${host}:${actual}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
