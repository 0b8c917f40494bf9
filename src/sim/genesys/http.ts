import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerPreflight as preflight } from '../../node/http';

export { corsHeaders, hostAllowed, listen, originAllowed, parseJsonObject, readBody, refuseUpgrade, sendJson, type BodyResult } from '../../node/http';

/** Same ceiling as the toolbar's frame limit; a real gateway refuses bigger bodies. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Preflight: 204 with the allowed method/headers for a good origin, 403 without CORS headers otherwise. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[] | undefined): void {
  preflight(req, res, allowed, 'GET, POST, OPTIONS', { status: 403, body: { status: 'Error', message: 'origin not allowed' } });
}
