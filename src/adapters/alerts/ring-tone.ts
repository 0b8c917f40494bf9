/**
 * A ring tone made with Web Audio (no audio file): the North American ring, 440 + 480 Hz, two
 * seconds on, four off, quiet. Browsers only start audio after a user gesture in the frame, so
 * `prime()` runs on the agent's first click or key and on the ring-tone switch.
 */

export interface RingTone {
  prime(): void;
  start(): void;
  stop(): void;
}

type AudioWindow = { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };

const ON_S = 2;
const CYCLE_MS = 6_000;
const VOLUME = 0.08;

export function createRingTone(win: AudioWindow): RingTone {
  const Context = win.AudioContext ?? win.webkitAudioContext;
  let context: AudioContext | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let playing: { stop(): void } | null = null;

  const audio = (): AudioContext | null => {
    if (!Context) return null;
    try {
      const ctx = context ?? new Context();
      context = ctx;
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      return ctx;
    } catch {
      return null;
    }
  };

  const burst = () => {
    const ctx = audio();
    if (!ctx || ctx.state !== 'running') return;
    const gain = ctx.createGain();
    const now = ctx.currentTime;
    // Soft edges: no click at start and end.
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(VOLUME, now + 0.05);
    gain.gain.setValueAtTime(VOLUME, now + ON_S - 0.05);
    gain.gain.linearRampToValueAtTime(0, now + ON_S);
    gain.connect(ctx.destination);
    const tones = [440, 480].map((hz) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(now);
      osc.stop(now + ON_S);
      return osc;
    });
    playing = { stop: () => tones.forEach((osc) => safeStop(osc)) };
  };

  return {
    prime: () => void audio(),
    start() {
      if (timer !== undefined) return;
      burst();
      timer = setInterval(burst, CYCLE_MS);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      playing?.stop();
      playing = null;
    },
  };
}

function safeStop(osc: OscillatorNode): void {
  try {
    osc.stop();
  } catch {
    // already stopped
  }
}
