/**
 * "Download support log": the flight recorder's log as a JSON file. Self-contained (no layout of
 * its own) so the header or a menu can place it; `getLog` comes from the composition root.
 */
import { createContext, useContext } from 'react';
import { useI18n } from '../hooks';

/** The log as JSON text and a file name, at the moment of the click; null: no recorder. */
export type GetFlightLog = () => { json: string; fileName: string };
export const FlightLogContext = createContext<GetFlightLog | null>(null);

export function FlightLogButton({ className }: { className?: string }) {
  const i18n = useI18n();
  const getLog = useContext(FlightLogContext);
  if (!getLog) return null;
  const download = () => {
    const { json, fileName } = getLog();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // Revoked after the click has been handled, so the download can start.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className={className ?? 'flight-log-button'} data-testid="flight-log-download" onClick={download} title={i18n.t('recorder.hint')}>
      {i18n.t('recorder.download')}
    </button>
  );
}
