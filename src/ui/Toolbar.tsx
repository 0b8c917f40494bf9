/** The toolbar page: banner, header (the support log is in its menu), calls first, the dial field, notices (when any) and the live region. */
import { useId, useRef } from 'react';
import type { AlertServices } from '../adapters/alerts';
import { Banner } from './components/Banner';
import { CallList } from './components/CallList';
import { DialPad } from './components/DialPad';
import { FatalBoundary } from './components/FatalBoundary';
import { FlightLogContext, type GetFlightLog } from './components/FlightLogButton';
import { Header } from './components/Header';
import { LiveRegion } from './components/LiveRegion';
import { Notices } from './components/Notices';
import { CredentialBoxContext, SignInForm } from './components/SignInForm';
import type { CredentialBox } from '../adapters/genesys/credentials';
import { WrapUpPanel } from './components/WrapUpPanel';
import { useI18n } from './hooks';
import { AlertServicesContext } from './services.context';
import { ToolbarProvider, type ToolbarActor } from './toolbar.context';
import { useCallShortcuts } from './useCallShortcuts';
import { useCallSummaries } from './useCallSummaries';
import { useIncomingAlerts } from './useIncomingAlerts';

export function Toolbar() {
  const i18n = useI18n();
  const titleId = useId();
  const dialInput = useRef<HTMLInputElement>(null);
  useCallShortcuts();
  return (
    <div className="toolbar" lang={i18n.lang}>
      <IncomingAlerts />
      <Banner />
      <main aria-labelledby={titleId}>
        <h1 id={titleId} className="visually-hidden">
          {i18n.t('app.title')}
        </h1>
        <SignInForm />
        <Header />
        <CallList fallbackFocus={dialInput} />
        <WrapUpPanel />
        <DialPad inputRef={dialInput} />
        <Notices />
      </main>
      <LiveRegion />
    </div>
  );
}

/** Ring tone, notifications and title: its own component, so a new call re-renders only what shows it. */
function IncomingAlerts() {
  useIncomingAlerts(useCallSummaries());
  return null;
}

/** The whole UI for a started root actor; main.tsx renders this with the real alert services. */
export function ToolbarApp({
  actor,
  alerts = null,
  flightLog = null,
  credentials = null,
}: {
  actor: ToolbarActor;
  alerts?: AlertServices | null;
  flightLog?: GetFlightLog | null;
  /** auth=bridge: the Genesys adapter's credential box the sign-in form puts the password in. */
  credentials?: CredentialBox | null;
}) {
  // Config never changes after start; the boundary needs the language even when snapshots throw.
  const { lang } = actor.getSnapshot().context.config;
  return (
    <ToolbarProvider actor={actor}>
      <AlertServicesContext.Provider value={alerts}>
        <FlightLogContext.Provider value={flightLog}>
          <CredentialBoxContext.Provider value={credentials}>
            <FatalBoundary lang={lang}>
              <Toolbar />
            </FatalBoundary>
          </CredentialBoxContext.Provider>
        </FlightLogContext.Provider>
      </AlertServicesContext.Provider>
    </ToolbarProvider>
  );
}
