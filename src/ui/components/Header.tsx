/**
 * One compact header: the agent's state with the Available switch, the Genesys and Fusion links,
 * and two popovers (status and alerts; keyboard shortcuts). Errors about the agent sit right under it.
 */
import { useId, type ChangeEvent } from 'react';
import { shallowEqual } from '@xstate/react';
import { agentView, selectAgent, type AgentView } from '../agent.connect';
import { connectionView, fusionView, selectConnection, selectFusion } from '../connection.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';
import { useCallPhases } from '../useCallSummaries';
import { AlertSettings } from './AlertSettings';
import { FlightLogButton } from './FlightLogButton';
import { Icon } from './Icon';
import { Popover, usePopoverClose } from './Popover';
import { ShortcutHelp } from './ShortcutHelp';
import { ErrorText, StateLine } from './Status';

export function Header() {
  const { t } = useI18n();
  const view = agentView(useToolbar(selectAgent, shallowEqual));
  const actor = useToolbarActor();
  const headingId = useId();
  return (
    <header className="bar" aria-labelledby={headingId} aria-busy={view.busy}>
      <h2 id={headingId} className="visually-hidden">
        {t('agent.label')}
      </h2>
      <div className="bar-row">
        <AgentLine />
        <AgentToggle view={view} />
        {view.session.action === 'login' ? <SessionButton view={view} /> : null}
        <Popover testId="menu" icon="settings" label={t('header.menu')}>
          <div className="menu-agent">
            <ReasonPicker view={view} />
            {view.session.action === 'logout' ? <SessionButton view={view} /> : null}
          </div>
          <AlertSettings />
          <FlightLogButton />
        </Popover>
        <Popover testId="help" icon="help" label={t('header.help')}>
          <ShortcutHelp />
        </Popover>
      </div>
      <div className="bar-row links" aria-label={t('header.connections')} role="group">
        <GenesysStatus />
        <FusionStatus />
      </div>
      {view.error ? <ErrorText error={view.error} alert onDismiss={() => actor.send({ type: 'agent.dismissError' })} /> : null}
      <FusionError />
    </header>
  );
}

/**
 * One line at 320 px: what the agent does, then Genesys' side in small words ("On a call · Ready").
 * Its own component: a ring re-renders this line, not the header's menus.
 */
function AgentLine() {
  const { t } = useI18n();
  const phases = useCallPhases();
  const view = agentView({ ...useToolbar(selectAgent, shallowEqual), phases });
  const reason = view.reason ? ('label' in view.reason ? t(view.reason.label) : view.reason.raw) : null;
  // A long reason may end in an ellipsis at 320 px: the whole line is the tooltip.
  const whole = [t(view.label), view.beside ? t(view.beside) : null, reason].filter(Boolean).join(' · ') + (view.stale ? ` ${t('agent.lastKnown')}` : '');
  return (
    <StateLine testId="agent-state" label={t(view.label)} icon={view.icon} tone={view.stale ? 'off' : view.tone} busy={view.busy} title={whole}>
      {view.beside ? (
        <span className="beside" data-testid="agent-genesys-state">
          {' · '}
          {t(view.beside)}
        </span>
      ) : null}
      {reason ? (
        <span className="reason" data-testid="agent-reason-text">
          {' · '}
          <span className="visually-hidden">{t('agent.reasonPrefix')} </span>
          {reason}
        </span>
      ) : null}
      {/* A mark, not words, so the line still fits 320 px; the banner says why, screen readers hear the words. */}
      {view.stale ? (
        <span className="stale-mark" title={t('agent.lastKnown')} data-testid="agent-last-known">
          {' '}
          <Icon name="lastKnown" />
          <span className="visually-hidden">{t('agent.lastKnown')}</span>
        </span>
      ) : null}
    </StateLine>
  );
}

function GenesysStatus() {
  const i18n = useI18n();
  const view = connectionView(useToolbar(selectConnection, shallowEqual), Date.now());
  return <StateLine testId="connection-state" label={`${i18n.t('connection.label')}: ${i18n.text(view.text)}`} icon={view.icon} tone={view.tone} busy={view.busy} />;
}

function FusionStatus() {
  const i18n = useI18n();
  const view = fusionView(useToolbar(selectFusion, shallowEqual));
  const absent = view.text.key === 'fusion.absent';
  return (
    <span title={absent ? i18n.t('fusion.absentHint') : undefined}>
      <StateLine testId="fusion-state" label={`${i18n.t('fusion.label')}: ${i18n.text(view.text)}`} icon={view.icon} tone={view.tone} busy={view.busy}>
        {absent ? <span className="visually-hidden"> {i18n.t('fusion.absentHint')}</span> : null}
      </StateLine>
    </span>
  );
}

function FusionError() {
  const view = fusionView(useToolbar(selectFusion, shallowEqual));
  return view.error ? <ErrorText error={view.error} /> : null;
}

function AgentToggle({ view }: { view: AgentView }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={view.toggle.checked}
      disabled={!view.toggle.enabled}
      data-offline={view.stale || undefined}
      title={t(view.stale ? 'agent.toggleOffline' : 'agent.toggleHint')}
      data-testid="agent-toggle"
      onClick={() => actor.send({ type: view.toggle.event })}
    >
      <span className="track" aria-hidden="true">
        <span className="thumb" />
      </span>
      {/* The state is written once, beside the switch; the switch's own name stays for screen readers. */}
      <span className="visually-hidden">{t('agent.toggle')}</span>
    </button>
  );
}

function ReasonPicker({ view }: { view: AgentView }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    if (event.target.value) actor.send({ type: 'agent.goUnavailable', reason: event.target.value });
  };
  return (
    <span className="field">
      <label htmlFor={id}>{t('agent.reason')}</label>
      <select id={id} data-testid="agent-reason" value={view.reasonPicker.value} disabled={!view.reasonPicker.enabled} onChange={onChange}>
        <option value="" disabled>
          {t('agent.reasonChoose')}
        </option>
        {view.reasonPicker.options.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.text}
          </option>
        ))}
      </select>
    </span>
  );
}

function SessionButton({ view }: { view: AgentView }) {
  const { t } = useI18n();
  const actor = useToolbarActor();
  const closeMenu = usePopoverClose();
  const { action, enabled } = view.session;
  return (
    <button
      type="button"
      data-testid={`agent-${action}`}
      disabled={!enabled}
      onClick={() => {
        actor.send({ type: action === 'login' ? 'agent.login' : 'agent.logout' });
        // Logged out, the menu's work is done; Log in then sits in the header, where focus returns.
        if (action === 'logout') closeMenu();
      }}
    >
      {t(action === 'login' ? 'agent.login' : 'agent.logout')}
    </button>
  );
}
