import { parentPort } from 'node:worker_threads';
import { type FromWorker, type ToWorker, type WorkerJob } from './codes';
import { TcpScanner } from './tcpScanner';
import { UdpScanner } from './udpScanner';
import { WorkItems } from './workItems';

// The hot loop must not pay for stack traces: any Error built in this thread (by Node's own
// socket code on the fallback path, too) skips capturing one.
Error.stackTraceLimit = 0;

const FLUSH_MS = 50;

function run(job: WorkerJob, post: (m: FromWorker) => void, onEnd: () => void): { cancel: () => void } {
  const items = new WorkItems(job);
  let batch: number[] = [];
  const sink = {
    record(local: number, state: number, reason: number, rttMs: number | null) {
      batch.push(items.hostOf(local), items.portOf(local), state, reason, rttMs === null ? -1 : Math.round(rttMs * 1000));
    },
  };
  const flush = () => {
    const results = batch;
    batch = [];
    post({ type: 'batch', results, stats: { ...scanner.stats } });
  };
  const flusher = setInterval(flush, FLUSH_MS);
  const onFinish = (error: string | null) => {
    clearInterval(flusher);
    flush();
    onEnd();
    post(error ? { type: 'error', message: error } : { type: 'done', stats: { ...scanner.stats }, srtt: scanner.srtt() });
  };
  const scanner = job.protocol === 'udp' ? new UdpScanner(job, sink, onFinish) : new TcpScanner(job, sink, onFinish);
  scanner.start();
  return { cancel: () => scanner.cancel() };
}

const port = parentPort;
if (port) {
  let current: { cancel: () => void } | null = null;
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'start') {
      // A scan sends one job per host group. During a job only its own sockets and timers keep
      // this thread alive (a parent port left referenced keeps a worker, and so its process,
      // alive forever if the parent never ends it); between jobs the port waits for the next.
      port.unref();
      try {
        current = run(
          msg.job,
          (m) => port.postMessage(m),
          () => {
            current = null;
            port.ref();
          },
        );
      } catch (err) {
        port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
      }
    } else if (msg.type === 'cancel') {
      current?.cancel();
    }
  });
}
