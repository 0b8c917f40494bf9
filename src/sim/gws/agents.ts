/** The test agents of gws-protocol.md §5 (password = userName) and the user/configuration objects GWS sends about them. */
import type { GwsAgentSpec, KV } from './types';

export const DEFAULT_AGENTS: readonly GwsAgentSpec[] = [
  { userName: 'JohnSmith', password: 'JohnSmith', tenant: '', agentLogin: '+33298025003', defaultPlace: 'Place_JohnSmith', firstName: 'John', lastName: 'Smith' },
  { userName: 'KateLondon', password: 'KateLondon', tenant: '', agentLogin: '+33298025000', defaultPlace: 'Place_5000', firstName: 'Kate', lastName: 'London' },
  { userName: 'ThomasWatson', password: 'ThomasWatson', tenant: '', agentLogin: '+33298025011', defaultPlace: 'Place_ThomasWatson', firstName: 'Thomas', lastName: 'Watson' },
  { userName: 'MelissaMorel', password: 'MelissaMorel', tenant: '', agentLogin: '+33298025004', defaultPlace: 'Place_MelissaMorel', firstName: 'Melissa', lastName: 'Morel' },
  { userName: 'JeanDupont', password: 'JeanDupont', tenant: 'MyCompany', agentLogin: '+33298025001', defaultPlace: 'Place_5001', firstName: 'Jean', lastName: 'Dupont' },
  { userName: 'FredericClaude', password: 'FredericClaude', tenant: 'MyCompany', agentLogin: '+33298025102', defaultPlace: 'Place_5102', firstName: 'Frederic', lastName: 'Claude' },
];

/** `tenant\user` or plain `user` (with an optional separate tenant) → the agent, if the name matches. */
export function findAgent(agents: readonly GwsAgentSpec[], username: string, tenant?: string): GwsAgentSpec | undefined {
  const slash = username.indexOf('\\');
  const name = slash >= 0 ? username.slice(slash + 1) : username;
  const wantedTenant = slash >= 0 ? username.slice(0, slash) : tenant;
  return agents.find((agent) => agent.userName === name && (!wantedTenant || (agent.tenant ?? '') === wantedTenant));
}

/** The `user` object of WorkspaceInitializationComplete and current-session. */
export function userObject(agent: GwsAgentSpec, index: number, withSimDbid: boolean): Record<string, unknown> {
  const dbid = 101 + index;
  return {
    DBID: dbid,
    ...(withSimDbid ? { dbid } : {}),
    firstName: agent.firstName ?? agent.userName,
    lastName: agent.lastName ?? '',
    userName: agent.userName,
    employeeId: agent.userName,
    agentLogin: agent.agentLogin,
    defaultPlace: agent.defaultPlace,
    tenantDBID: agent.tenant ? 1 : 0,
    userProperties: [] as KV[],
  };
}

/** The `configuration` object: the not-ready reason codes an agent may pick, nothing else needed for voice. */
export function configurationObject(): Record<string, unknown> {
  return {
    actionCodes: [
      { name: 'Break', code: 'Break', type: 'NotReady' },
      { name: 'Lunch', code: 'OutToLunch', type: 'NotReady' },
      { name: 'Take some Notes', code: 'TakeNotes', type: 'NotReady' },
    ],
    agentGroups: [],
    businessAttributes: [],
    environment: {},
    settings: {},
    transactions: [],
  };
}
