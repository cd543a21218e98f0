// Pool comparison (issue 13): sigslot's QThreadPool beside piscina, tinypool, workerpool and poolifier, each in a
// fresh process, 2 threads, started and warmed up first. (a) 100,000 echo tasks submitted at once: tasks/s and CPU
// per task (all threads); (b) idle round trip of one task, p50; (c) sigslot only: 100,000 progress updates from one
// task, delivered through a QFutureWatcher (ms until finished, signals, last value, progress never after the result).
//
//   npm run build && node bench/pool/compare.cjs [--n 100000] [--rounds 3]
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const PEERS = ['sigslot', 'piscina', 'tinypool', 'workerpool', 'poolifier'];
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const N = arg('--n', 100_000);
const ROUNDS = arg('--rounds', 3);
const WORKERS = path.join(__dirname, 'peer-workers.cjs');

async function makePool(peer) {
  if (peer === 'sigslot') {
    const { QThreadPool, QtConcurrent, taskModule } = require('@sigslot/concurrent');
    const pool = new QThreadPool();
    pool.maxThreadCount = 2;
    const tasks = taskModule(path.join(__dirname, 'tasks.cjs'));
    return { run: (x) => QtConcurrent.run(pool, tasks.echo, x), close: () => pool.waitForDone(), pool, tasks };
  }
  if (peer === 'piscina') {
    const { Piscina } = require('piscina');
    const pool = new Piscina({ filename: WORKERS, minThreads: 2, maxThreads: 2, workerData: { peer } });
    return { run: (x) => pool.run(x), close: () => pool.destroy() };
  }
  if (peer === 'tinypool') {
    const { Tinypool } = require('tinypool');
    const pool = new Tinypool({ filename: WORKERS, minThreads: 2, maxThreads: 2, workerData: { peer } });
    return { run: (x) => pool.run(x), close: () => pool.destroy() };
  }
  if (peer === 'workerpool') {
    process.env.SIGSLOT_PEER = peer;
    const pool = require('workerpool').pool(WORKERS, { minWorkers: 2, maxWorkers: 2, workerType: 'thread' });
    return { run: (x) => pool.exec('echo', [x]), close: () => pool.terminate() };
  }
  const { FixedThreadPool } = require('poolifier');
  const pool = new FixedThreadPool(2, WORKERS, { workerOptions: { workerData: { peer } } });
  return { run: (x) => pool.execute(x), close: () => pool.destroy() };
}

async function measure(peer) {
  const pool = await makePool(peer);
  await Promise.all(Array.from({ length: 10_000 }, (_, i) => pool.run(i)));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: N }, (_, i) => pool.run(i)));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const lat = [];
  for (let i = 0; i < 1000; i++) {
    const t = performance.now();
    await pool.run(i);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const row = {
    peer,
    tasksPerS: Math.round((N / ms) * 1000),
    cpuUsPerTask: (cpu.user + cpu.system) / N,
    rttP50Us: lat[500] * 1000,
  };
  if (peer === 'sigslot') row.progress = await progress(pool);
  await pool.close();
  return row;
}

async function progress({ pool, tasks }) {
  const { QtConcurrent, QFutureWatcher } = require('@sigslot/concurrent');
  const watcher = new QFutureWatcher();
  let signals = 0;
  let last = -1;
  let afterFinished = 0;
  let finished = false;
  watcher.progressValueChanged.connect((v) => {
    signals++;
    last = v;
    if (finished) afterFinished++;
  });
  const t0 = performance.now();
  watcher.setFuture(QtConcurrent.runWithPromise(pool, tasks.progress, N));
  await new Promise((resolve) => watcher.finished.connect(() => resolve((finished = true))));
  return { ms: performance.now() - t0, signals, last, afterFinished };
}

if (process.argv[2] === '--child') {
  measure(process.argv[3]).then((row) => process.stdout.write(JSON.stringify(row)));
} else {
  const rows = new Map(PEERS.map((p) => [p, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const peer of PEERS.slice(round % PEERS.length).concat(PEERS.slice(0, round % PEERS.length)))
      rows.get(peer).push(JSON.parse(execFileSync(process.execPath, [__filename, '--child', peer, '--n', String(N)])));
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const piscina = median(rows.get('piscina').map((r) => r.tasksPerS));
  console.log(
    `${N} echo tasks at once, 2 threads, median of ${ROUNDS} rounds (load average ${require('node:os').loadavg()[0].toFixed(1)})`,
  );
  for (const [peer, rs] of rows) {
    const tps = median(rs.map((r) => r.tasksPerS));
    console.log(
      `${peer.padEnd(10)} ${String(tps).padStart(7)} tasks/s  ${(tps / piscina).toFixed(2)}x piscina  ` +
        `${median(rs.map((r) => r.cpuUsPerTask))
          .toFixed(1)
          .padStart(5)} us CPU/task  rtt p50 ${median(rs.map((r) => r.rttP50Us)).toFixed(1)} us`,
    );
  }
  const p = rows.get('sigslot').map((r) => r.progress);
  console.log(
    `sigslot progress: ${N} updates delivered in ${median(p.map((x) => x.ms)).toFixed(0)} ms as ` +
      `${median(p.map((x) => x.signals))} signals, last ${p[0].last}, ${Math.max(...p.map((x) => x.afterFinished))} after finished`,
  );
}
