export { createGenesysAdapter, socketUrl } from './genesys.adapter';
export type {
  AdapterLog,
  BackoffOptions,
  GenesysAdapterDeps,
  LogLevel,
  OnlineEventSource,
  WebSocketConstructor,
  WebSocketLike,
} from './deps.types';
export { createBackoff, ceilingFor, DEFAULT_BACKOFF } from './backoff';
export type { Backoff } from './backoff';
export { decodeFrame, MAX_FRAME_BYTES } from './frame-decoder';
export type { FrameErrorCode, FrameOutcome } from './frame-decoder';
export { buildBody } from './rest-client';
export type { CommandBody } from './rest-client';
