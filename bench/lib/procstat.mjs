// CPU time of process trees (the server, PostgreSQL, the load generator) and of the whole machine,
// read from /proc, so that a report says who used the two cores during each phase.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK = 100; // USER_HZ on Linux

function readProcs() {
  const out = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // Fields after the command, counted from 3: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17).
      // cutime/cstime hold the children that ended (a closed connection's backend), so they still count.
      const [ut, st, cut, cst] = rest.slice(11, 15).map(Number);
      out.set(Number(d), { ppid: Number(rest[1]), cpu: (ut + st + cut + cst) / TICK });
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU seconds used so far by each tree (a root pid and its descendants) and by the machine. */
export function sample(roots) {
  const procs = readProcs();
  const children = new Map();
  for (const [pid, p] of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const tree = (root) => {
    let sum = 0;
    const stack = [root];
    while (stack.length) {
      const pid = stack.pop();
      sum += procs.get(pid)?.cpu ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return sum;
  };
  const cpus = os.cpus();
  const busy = cpus.reduce((n, c) => n + (c.times.user + c.times.nice + c.times.sys + c.times.irq) / 1000, 0);
  return { at: performance.now(), trees: Object.fromEntries(Object.entries(roots).map(([k, pid]) => [k, tree(pid)])), busy };
}

/** Cores used by each tree between two samples, and by everything else on the machine. */
export function coresBetween(a, b) {
  const secs = (b.at - a.at) / 1000;
  const out = {};
  let ours = 0;
  for (const k of Object.keys(a.trees)) {
    const used = (b.trees[k] - a.trees[k]) / secs;
    out[k] = used;
    ours += used;
  }
  out.others = Math.max(0, (b.busy - a.busy) / secs - ours);
  return out;
}

export function loadAverage() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/**
 * Nanoseconds on a CPU so far of each tree's live tasks (every thread: /proc/PID/task/TID/schedstat),
 * for the CPU of single requests: exact when one request runs at a time (--step-cpu), unlike the
 * 10 ms ticks of /proc/PID/stat.
 */
export function runNs(roots) {
  const ppid = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      ppid.set(Number(d), Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const under = (pid, root) => {
    for (let p = pid; p > 1; p = ppid.get(p) ?? 0) if (p === root) return true;
    return false;
  };
  const out = {};
  for (const [k, root] of Object.entries(roots)) {
    let ns = 0;
    for (const pid of ppid.keys()) {
      if (!under(pid, root)) continue;
      try {
        for (const t of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        /* gone */
      }
    }
    out[k] = ns;
  }
  return out;
}
