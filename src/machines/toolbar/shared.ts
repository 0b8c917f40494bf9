/**
 * What more than one region of the toolbar uses: the guards on the link, the calls and the
 * configured capabilities, the agent state Fusion is told, and the notices every region may add.
 */
import { assign, sendTo } from 'xstate';
import { hasCapability, type Capability } from '../../capabilities';
import type { CodedError } from '../call.types';
import type { FusionCommand } from '../fusion.types';
import type { GenesysCommandName } from '../genesys.types';
import { reasonLabel } from '../reasons';
import { withNotice } from '../toolbar.index';
import { eventConnectionId } from './call-lookup';
import { toolbarActions, toolbarGuards } from './define';

const AGENT_COMMANDS: GenesysCommandName[] = ['register', 'ready', 'notReady', 'logout'];

export const lacks = (capability: Capability) => ({ type: 'lacks', params: { capability } }) as const;

/** Logging out with a live call would strand it: refused until the calls are done (agent region, wrap-up too). */
export const logoutCommand = [
  { guard: 'isOffline', actions: 'noteOffline' },
  { guard: 'hasNoCalls', target: 'loggingOut', actions: 'wantLogout' },
  { actions: 'noteCallsActive' },
] as const;

export function fusionCommand(command: FusionCommand): FusionCommand {
  return command;
}

export const sharedGuards = toolbarGuards({
  isOnline: ({ context }) => context.online,
  isOffline: ({ context }) => !context.online,
  hasNoCalls: ({ context }) => Object.keys(context.calls).length === 0,
  /** The agent region owns failures of agent commands; the calls region lets them pass. */
  isAgentCommandFailure: ({ event }) => event.type === 'genesys.commandFailed' && AGENT_COMMANDS.includes(event.command),
  /** The resync region owns a failed snapshot; the calls region lets it pass. */
  isSnapshotFailure: ({ event }) => event.type === 'genesys.commandFailed' && event.command === 'snapshot',
  lacks: ({ context }, params: { capability: Capability }) => !hasCapability(context.config, params.capability),
});

export const sharedActions = toolbarActions({
  publishAgentState: sendTo('fusion', ({ context }) => {
    const reason = context.presence === 'unavailable' ? context.notReadyReason : null;
    const label = reason ? reasonLabel(context.config, reason) : undefined;
    return fusionCommand({
      type: 'fusion.cmd.agentState',
      presence: context.presence,
      ...(reason ? { reason } : {}),
      ...(label ? { reasonLabel: label } : {}),
    });
  }),
  noteOffline: assign(({ context }) => withNotice(context, { code: 'OFFLINE' }, Date.now())),
  noteEvent: assign(({ context, event }) => {
    const error: CodedError =
      event.type === 'genesys.protocolError' || event.type === 'fusion.failed' || event.type === 'fusion.publishFailed' || event.type === 'genesys.commandFailed'
        ? { code: event.code, detail: event.message }
        : event.type === 'genesys.error'
          ? { code: 'GENESYS_ERROR', detail: `${event.code} ${event.message}`.trim() }
          : event.type === 'agent.dial'
            ? { code: 'INVALID_NUMBER', detail: event.number }
            : event.type === 'call.transfer'
              ? { code: 'INVALID_NUMBER', detail: event.destination }
              : event.type === 'call.sendDtmf'
                ? { code: 'INVALID_DIGITS', detail: event.digits }
            : { code: 'UNKNOWN_CALL', detail: `${event.type} ${eventConnectionId(event) ?? ''}`.trim() };
    return withNotice(context, error, Date.now());
  }),
});
