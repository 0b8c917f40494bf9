/** Transfers, conferences, alternate and reconnect (§3.3). */
import type { CallOp, OpResult } from './call-ops';

export const TRANSFER_OPS: Record<string, (op: CallOp) => OpResult> = {};
