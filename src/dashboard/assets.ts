/**
 * The page's files, all served from the installed package (no CDN, so the
 * page works offline): the page itself and its style from `assets/dashboard`,
 * the compiled client from `dist/dashboard/client`, lit-html and uPlot from
 * their packages. Only names in this table are served, so no request names a
 * path of its own.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  path: string;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

/** The package's root folder, from `src/dashboard` or `dist/dashboard` alike. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths(name) ?? []) {
    if (existsSync(join(folder, name, 'package.json'))) return join(folder, name);
  }
  throw new Error(`The dashboard needs the package ${name}; reinstall orchestrate.`);
}

function asset(path: string): Asset {
  return { path, type: TYPES[extname(path)] ?? 'application/octet-stream' };
}

/** URL path (under /assets/) to file, built once. */
export function assetTable(): Map<string, Asset> {
  const table = new Map<string, Asset>();
  const own = join(ROOT, 'assets', 'dashboard');
  for (const name of ['index.html', 'style.css']) table.set(name, asset(join(own, name)));
  const client = join(ROOT, 'dist', 'dashboard', 'client');
  const compiled = existsSync(client) ? readdirSync(client) : [];
  for (const name of compiled.filter((n) => n.endsWith('.js'))) {
    table.set(`client/${name}`, asset(join(client, name)));
  }
  table.set('vendor/lit-html.js', asset(join(packageDir('lit-html'), 'lit-html.js')));
  const uplot = join(packageDir('uplot'), 'dist');
  table.set('vendor/uPlot.esm.js', asset(join(uplot, 'uPlot.esm.js')));
  table.set('vendor/uPlot.min.css', asset(join(uplot, 'uPlot.min.css')));
  return table;
}
