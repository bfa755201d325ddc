// The machine line every result carries: figures from a shared 2-core box mean little without it.
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  loadAverage1m: number;
  /** Filled in when the benchmark ends: a busy machine inflates wall-clock figures (frames). */
  loadAverage1mEnd?: number;
  note: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    // Other engineers run tests on this machine while benchmarks run; the load shows how busy.
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    note: 'shared machine: other test suites may run concurrently, so compare ratios measured in one run rather than absolute figures across runs',
  };
}

export function machineLine(m: MachineInfo): string {
  const when = m.date ? `, ${m.date} (load avg ${m.loadAverage1m} at start; shared machine)` : '';
  return `${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}${when}`;
}
