import { describe, expect, test } from 'vitest';
import type { GwsDn } from '../../src/bridge/gws/gws.schema';
import { LOGGED_OUT, applyDn, type AgentRecord } from '../../src/bridge/translate';

const who = { agentId: '+33298025003', dn: '+33298025003' };
const dn = (agentState: GwsDn['agentState'], extra: Partial<GwsDn> = {}): GwsDn => ({ number: who.dn, agentState, ...extra });
const reason = (value: string) => [{ key: 'ReasonCode', type: 'str', value }];
const record = (state: AgentRecord['state'], workMode?: string, r?: string): AgentRecord => ({ state, workMode, reason: r });

describe('DnStateChanged → agent frames, row by row', () => {
  const rows: [AgentRecord, GwsDn, string[]][] = [
    [LOGGED_OUT, dn('Ready'), ['EventRegistered', 'EventAgentReady']],
    [LOGGED_OUT, dn('NotReady'), ['EventRegistered', 'EventAgentNotReady']],
    [LOGGED_OUT, dn('LoggedIn'), ['EventRegistered', 'EventAgentNotReady']],
    [LOGGED_OUT, dn('LoggedOut'), []],
    [record('Ready'), dn('Ready'), []],
    [record('Ready'), dn('NotReady'), ['EventAgentNotReady']],
    [record('Ready'), dn('LoggedOut'), ['EventAgentLogout']],
    [record('NotReady'), dn('Ready'), ['EventAgentReady']],
    [record('NotReady'), dn('NotReady'), []],
    [record('NotReady'), dn('LoggedOut'), ['EventAgentLogout']],
    [record('NotReady', 'AuxWork'), dn('NotReady', { agentWorkMode: 'AfterCallWork' }), ['EventAgentNotReady']],
    [record('NotReady', 'AuxWork'), dn('OutOfService', { agentWorkMode: 'AuxWork' }), []],
  ];
  test.each(rows)('from %j on %j → %j', (prev, next, expected) => {
    expect(applyDn(prev, next, who).frames.map((f) => f.eventName)).toEqual(expected);
  });
});

describe('when the agent goes not ready with a reason', () => {
  test('EventAgentNotReady carries reason and workMode', () => {
    const step = applyDn(record('Ready'), dn('NotReady', { agentWorkMode: 'AfterCallWork', reasons: reason('Break') }), who);
    expect(step.frames).toEqual([{ eventName: 'EventAgentNotReady', ThisDN: who.dn, AgentID: who.agentId, reason: 'Break', workMode: 'AfterCallWork' }]);
  });
  test("Ready keeps no reason (Genesys' simulator leaves the last one on the DN)", () => {
    const step = applyDn(record('NotReady', 'AfterCallWork', 'Break'), dn('Ready', { agentWorkMode: 'AfterCallWork', reasons: reason('Break') }), who);
    expect(step.agent.reason).toBeUndefined();
    expect(step.frames[0]).toMatchObject({ eventName: 'EventAgentReady' });
  });
  test('an agentWorkMode of Unknown is no work mode', () => {
    expect(applyDn(LOGGED_OUT, dn('Ready', { agentWorkMode: 'Unknown' }), who).agent.workMode).toBeUndefined();
  });
});
