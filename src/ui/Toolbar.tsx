/** The toolbar page: status, agent, calls, dial pad, notices and the live region. */
import { useId, useRef } from 'react';
import { AgentPanel } from './components/AgentPanel';
import { CallList } from './components/CallList';
import { ConnectionStatus } from './components/ConnectionStatus';
import { DialPad } from './components/DialPad';
import { FatalBoundary } from './components/FatalBoundary';
import { LiveRegion } from './components/LiveRegion';
import { Notices } from './components/Notices';
import { useI18n } from './hooks';
import { ToolbarProvider, type ToolbarActor } from './toolbar.context';
import { useCallShortcuts } from './useCallShortcuts';

export function Toolbar() {
  const i18n = useI18n();
  const titleId = useId();
  const dialInput = useRef<HTMLInputElement>(null);
  useCallShortcuts();
  return (
    <div className="toolbar" lang={i18n.lang}>
      <main aria-labelledby={titleId}>
        <h1 id={titleId} className="visually-hidden">
          {i18n.t('app.title')}
        </h1>
        <ConnectionStatus />
        <AgentPanel />
        <CallList fallbackFocus={dialInput} />
        <DialPad inputRef={dialInput} />
        <Notices />
      </main>
      <LiveRegion />
    </div>
  );
}

/** The whole UI for a started root actor; main.tsx renders this. */
export function ToolbarApp({ actor }: { actor: ToolbarActor }) {
  // Config never changes after start; the boundary needs the language even when snapshots throw.
  const { lang } = actor.getSnapshot().context.config;
  return (
    <ToolbarProvider actor={actor}>
      <FatalBoundary lang={lang}>
        <Toolbar />
      </FatalBoundary>
    </ToolbarProvider>
  );
}
