// The browser side of bench/dashboard/cpu-cost.js, in its own process so its
// CPU is not counted as the orchestrator's: opens CLIENTS live streams of one
// session (and one process log each), counts messages and records, and
// prints the counts as JSON when its stdin closes.
const [url, sessionId, clients] = process.argv.slice(2);
const { origin, searchParams } = new URL(url);
const headers = {
  cookie: `orchestrate-dashboard-${new URL(url).port}=${searchParams.get('token')}`,
};
const counts = { messages: 0, records: 0, logMessages: 0 };
const controller = new AbortController();

async function follow(path, onData) {
  try {
    const response = await fetch(`${origin}${path}`, { headers, signal: controller.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) onData(data.slice(6));
      }
    }
  } catch {
    // Aborted at the end.
  }
}

// Ready once every page has its first records: pages open before the run starts.
let waiting = Number(clients);
for (let i = 0; i < Number(clients); i++) {
  let first = true;
  void follow(`/api/sessions/${sessionId}/events`, (data) => {
    if (first) {
      first = false;
      waiting -= 1;
      if (waiting === 0) process.stdout.write('ready\n');
    }
    counts.messages += 1;
    counts.records += JSON.parse(data).length;
  });
  const pid = `process-${String(i + 1).padStart(3, '0')}`;
  void follow(`/api/sessions/${sessionId}/processes/${pid}/log`, () => (counts.logMessages += 1));
}
process.stdin.resume();
process.stdin.on('end', () => {
  controller.abort();
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  process.exit(0);
});
