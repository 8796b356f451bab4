/**
 * `startDashboard` as the package exports it: the server (node:http, its
 * routes and feeds) is loaded on the first call, so a program that imports
 * orchestrate and never starts a dashboard does not load it
 * (docs/benchmarks.md: with the patterns' entry points, 19 modules and ~1.8 MB).
 */
import type { Dashboard } from './server.js';
import type { DashboardOptions } from './options.js';

export type { Dashboard } from './server.js';

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  return (await import('./server.js')).startDashboard(options);
}
