/**
 * The dashboard page: a tiny hash router over three views. `#/` lists the
 * sessions, `#/sessions/ID` shows one live, `#/sessions/ID/PROCESS[/TRY]`
 * one process and its log.
 */
import { getJson, type Config } from './api.js';
import { showProcess } from './process-view.js';
import { showSession } from './session-view.js';
import { showSessions } from './sessions-view.js';

const root = document.querySelector<HTMLElement>('#app')!;
let leave: () => void = () => undefined;

async function start(): Promise<void> {
  // The URL's token became a cookie when the page loaded; keep it out of the address bar.
  if (location.search.includes('token=')) history.replaceState(null, '', `/${location.hash}`);
  const config = await getJson<Config>('/api/config');
  const show = () => {
    leave();
    // Each view draws into a fresh element, so no view's leftovers meet the next.
    const view = document.createElement('main');
    root.replaceChildren(view);
    const [, section, rawSession, rawProcess, rawTry] = location.hash.split('/');
    if (section === 'sessions' && rawSession) {
      const sessionId = decodeURIComponent(rawSession);
      if (rawProcess) {
        const attempt = rawTry ? Number(rawTry) : null;
        leave = showProcess(view, sessionId, decodeURIComponent(rawProcess), attempt);
      } else leave = showSession(view, sessionId, config);
    } else leave = showSessions(view);
  };
  window.addEventListener('hashchange', show);
  show();
}

start().catch((error: Error) => {
  root.textContent = `The dashboard could not start: ${error.message}`;
});
