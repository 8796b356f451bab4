/**
 * What a process left in its own worktree: the branch and commits, each file
 * changed (lines added and removed), and the patch itself, fetched once from
 * the session folder and shown below (a link opens it whole).
 */
import { html, type TemplateResult } from 'lit-html';
import { sessionPath } from './api.js';
import type { ArtifactsRecord } from './records.js';

/** The patch shown on the page is cut here; the link has all of it. */
const PATCH_SHOWN_CHARS = 200_000;

export function patchUrl(sessionId: string, processId: string): string {
  return `${sessionPath(sessionId)}/processes/${encodeURIComponent(processId)}/patch`;
}

export function artifactsView(
  a: ArtifactsRecord,
  sessionId: string,
  processId: string,
  patch: string | null,
): TemplateResult {
  const short = (commit: string) => commit.slice(0, 12);
  const added = a.filesChanged.reduce((sum, f) => sum + f.added, 0);
  const removed = a.filesChanged.reduce((sum, f) => sum + f.removed, 0);
  return html`<h2>Artifacts</h2>
    <dl class="artifacts">
      <dt>branch</dt>
      <dd class="branch">${a.branch}</dd>
      <dt>commits</dt>
      <dd>${short(a.baseCommit)} → ${short(a.commit)}</dd>
      <dt>files changed</dt>
      <dd class="files-changed" data-count=${a.filesChanged.length}>
        ${a.filesChanged.length} (+${added} −${removed})
      </dd>
    </dl>
    <table class="files">
      ${a.filesChanged.map(
        (f) =>
          html`<tr>
            <td class="path">${f.path}</td>
            <td class="added">+${f.added}</td>
            <td class="removed">−${f.removed}</td>
          </tr>`,
      )}
    </table>
    <p><a href=${patchUrl(sessionId, processId)} target="_blank">the patch</a></p>
    ${
      patch === null
        ? ''
        : html`<pre class="diff">
${patch.length > PATCH_SHOWN_CHARS ? `${patch.slice(0, PATCH_SHOWN_CHARS)}\n…` : patch}</pre>`
    }`;
}
