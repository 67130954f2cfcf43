// The load balancer in front of several api processes (tools/lib/balancer.mjs says what it decides):
//   BALANCER_BACKENDS=http://api-1:3000,http://api-2:3000 PORT=3000 node tools/balancer.mjs
// docker/compose.yaml runs it; bench:scale forks it with an IPC channel, through which it asks for the counts and
// has a backend killed at the very instant its requests in flight are read (`kill`), so the two agree.
import { createBalancer } from './lib/balancer.mjs';

const log = (msg) => console.error(`[balancer] ${msg}`);
const urls = (process.env.BALANCER_BACKENDS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
if (urls.length === 0) {
  log('set BALANCER_BACKENDS to the api processes, comma-separated: http://api-1:3000,http://api-2:3000');
  process.exit(2);
}
const balancer = createBalancer({ backends: urls.map((url, i) => ({ name: `api-${i + 1}`, url })), log });
const port = await balancer.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
log(`listening on ${port}, in front of ${urls.length} api processes`);

if (process.send) {
  process.on('message', (m) => {
    if (m.type === 'stats') process.send({ type: 'stats', id: m.id, stats: balancer.stats(), failures: balancer.failures() });
    if (m.type === 'kill') {
      // Read and kill in one turn of the event loop: no request can be sent to it in between.
      const inFlight = balancer.inFlight(m.backend);
      process.kill(m.pid, 'SIGKILL');
      process.send({ type: 'killed', id: m.id, inFlight, at: Date.now() });
    }
  });
  // The parent is gone (ended or crashed): so is the reason to run.
  process.once('disconnect', () => void balancer.close().finally(() => process.exit(0)));
  process.send({ type: 'ready', port });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void balancer.close().finally(() => process.exit(0)));
