/**
 * The four patterns as the package exports them: each loads its module on its
 * first call, so a program that imports orchestrate and runs no pattern does
 * not load them (docs/benchmarks.md: with the dashboard's entry point, 19
 * modules and ~1.8 MB).
 */
import type { CascadeOptions, CascadeResult } from './cascade.js';
import type { DebateOptions, DebateResult } from './debate.js';
import type { NVersionOptions, NVersionResult } from './n-version.js';
import type { PanelOptions, PanelResult } from './panel.js';

export async function nVersion(options: NVersionOptions): Promise<NVersionResult> {
  return (await import('./n-version.js')).nVersion(options);
}

export async function cascade(options: CascadeOptions): Promise<CascadeResult> {
  return (await import('./cascade.js')).cascade(options);
}

export async function debate(options: DebateOptions): Promise<DebateResult> {
  return (await import('./debate.js')).debate(options);
}

export async function expertPanel(options: PanelOptions): Promise<PanelResult> {
  return (await import('./panel.js')).expertPanel(options);
}
