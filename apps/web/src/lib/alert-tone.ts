// A short two-note tone made with WebAudio (no sound file to download): what a wall plays when
// something turns critical. Browsers may refuse sound until someone interacts with the page;
// the caller learns so and can say it.
type AudioCtor = typeof AudioContext;

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = (globalThis as { AudioContext?: AudioCtor }).AudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  return ctx;
}

export type ToneResult = 'played' | 'blocked' | 'unsupported';

/** Whether the browser lets this page play sound now (false until someone interacts, often). */
export function soundAllowed(): boolean {
  return context()?.state === 'running';
}

/** Asks the browser to allow sound (call from a click or key press). */
export async function allowSound(): Promise<boolean> {
  const c = context();
  if (!c) return false;
  try {
    await c.resume();
  } catch {
    return false;
  }
  return c.state === 'running';
}

function note(c: AudioContext, freq: number, start: number, length: number): void {
  const osc = c.createOscillator();
  const gain = c.createGain();
  osc.type = 'sine';
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  osc.connect(gain).connect(c.destination);
  osc.start(start);
  osc.stop(start + length + 0.02);
}

export function playAlertTone(): ToneResult {
  const c = context();
  if (!c) return 'unsupported';
  if (c.state !== 'running') {
    void c.resume().catch(() => {});
    return 'blocked';
  }
  const t = c.currentTime + 0.01;
  note(c, 880, t, 0.16);
  note(c, 660, t + 0.22, 0.26);
  return 'played';
}
