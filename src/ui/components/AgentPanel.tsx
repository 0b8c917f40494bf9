/** The agent's state, the Available switch, the not-ready reason and log in/out. */
import { useId, type ChangeEvent } from 'react';
import { shallowEqual } from '@xstate/react';
import { agentView, selectAgent, type AgentView } from '../agent.connect';
import { useI18n } from '../hooks';
import { useToolbar, useToolbarActor } from '../toolbar.context';
import { ErrorText, StateLine } from './Status';

export function AgentPanel() {
  const { t } = useI18n();
  const view = agentView(useToolbar(selectAgent, shallowEqual));
  const actor = useToolbarActor();
  const headingId = useId();
  const reason = view.reason ? ('label' in view.reason ? t(view.reason.label) : view.reason.raw) : null;
  return (
    <section className="panel agent" aria-labelledby={headingId} aria-busy={view.busy}>
      <h2 id={headingId}>{t('agent.label')}</h2>
      <StateLine testId="agent-state" label={t(view.label)} icon={view.icon} tone={view.tone} busy={view.busy}>
        {reason ? <span className="reason"> · {t('agent.reasonIs', { reason })}</span> : null}
      </StateLine>
      <div className="controls">
        <AgentToggle view={view} />
        <ReasonPicker view={view} />
        <SessionButton view={view} />
      </div>
      {view.error ? <ErrorText error={view.error} alert onDismiss={() => actor.send({ type: 'agent.dismissError' })} /> : null}
    </section>
  );
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
      title={t('agent.toggleHint')}
      data-testid="agent-toggle"
      onClick={() => actor.send({ type: view.toggle.event })}
    >
      <span className="track" aria-hidden="true">
        <span className="thumb" />
      </span>
      {t('agent.toggle')}
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
  const { action, enabled } = view.session;
  return (
    <button
      type="button"
      data-testid={`agent-${action}`}
      disabled={!enabled}
      onClick={() => actor.send({ type: action === 'login' ? 'agent.login' : 'agent.logout' })}
    >
      {t(action === 'login' ? 'agent.login' : 'agent.logout')}
    </button>
  );
}
