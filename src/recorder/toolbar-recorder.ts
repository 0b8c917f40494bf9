/**
 * The running toolbar's flight recorder: fed by XState inspection (events, transitions, commands)
 * by the Fusion adapter's UEF trace (every call and its settlement) and by the adapters' debug log
 * (raw frames, REST posts), which it replaces on the
 * console. Warnings and errors still go to the console. Exposed on `window` for scripting.
 */
import type { InspectionEvent, SnapshotFrom } from 'xstate';
import type { UefTrace } from '../adapters/fusion/trace';
import type { ToolbarMachine } from '../machines/toolbar.machine';
import type { FlightKind, FlightLog } from './flight-log';
import { FlightRecorder } from './flight-recorder';
import { maskFrame } from './mask';
import { recorderInspector } from './recorder-inspector';

type Level = 'debug' | 'info' | 'warn' | 'error';

export interface ToolbarRecorder {
  recorder: FlightRecorder;
  inspect: (event: InspectionEvent) => void;
  /** The log with the state of now as its last transition. */
  log: () => FlightLog;
  /** Adapter log: debug lines go to the recorder, the rest to `fallback` (the console). */
  genesysLog: (level: Level, code: string, message: string, detail?: unknown) => void;
  fusionLog: (level: Level, message: string, detail?: unknown) => void;
  /** The Fusion adapter's UEF calls and settlements, one entry each (masked when read). */
  uefTrace: UefTrace;
}

function kindOfGenesys(code: string): FlightKind {
  return code.startsWith('FRAME') ? 'frame' : 'command';
}

export function createToolbarRecorder(options: { size: number; mask: boolean; snapshot: () => SnapshotFrom<ToolbarMachine> | undefined }): ToolbarRecorder {
  const recorder = new FlightRecorder({ size: options.size, mask: options.mask });
  const feed = recorderInspector(recorder);
  return {
    recorder,
    inspect: feed.inspect,
    log() {
      const snapshot = options.snapshot();
      if (snapshot) feed.settle(snapshot);
      return recorder.toLog();
    },
    genesysLog(level, code, message, detail) {
      if (level === 'debug') {
        // A raw frame is text: parsed (and masked) only when the log is read.
        if (typeof detail === 'string') recorder.recordLazy('frame', () => ({ code, message, detail: recorder.masked ? maskFrame(detail) : detail }));
        else recorder.record(kindOfGenesys(code), { code, message, ...(detail === undefined ? {} : { detail }) }, 'genesys');
        return;
      }
      const line = `[genesys] ${code}: ${message}`;
      if (detail === undefined) console[level](line);
      else console[level](line, detail);
    },
    uefTrace(entry) {
      recorder.record('uef', entry, 'fusion');
    },
    fusionLog(level, message, detail) {
      if (level === 'debug') {
        recorder.record('uef', { message, ...(detail === undefined ? {} : { detail }) }, 'fusion');
        return;
      }
      if (detail === undefined) console[level](`[fusion] ${message}`);
      else console[level](`[fusion] ${message}`, detail);
    },
  };
}

/** A file name for the download: the toolbar, the time, JSON. */
export function flightLogFileName(at: Date): string {
  return `toolbar-flight-log-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}
