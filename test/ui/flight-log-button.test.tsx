// @vitest-environment jsdom
/** The support log download: a named button in both languages, the recorder's log as JSON. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlightRecorder } from '../../src/recorder/flight-recorder';
import { recorderInspector } from '../../src/recorder/recorder-inspector';
import { ToolbarApp } from '../../src/ui/Toolbar';
import { createDriver } from '../support/driver';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the support log button, in the settings menu', () => {
  it.each([
    ['en', 'Download support log'],
    ['ja', 'サポート用ログをダウンロード'],
  ] as const)('(%s) is named %s and downloads the log with what happened', (lang, name) => {
    const recorder = new FlightRecorder();
    const feed = recorderInspector(recorder);
    const d = createDriver({ config: { lang }, inspect: feed.inspect }).login().ring('c1', '+15551230042', 'e1');
    const getLog = vi.fn(() => {
      feed.settle(d.snapshot());
      return { json: JSON.stringify(recorder.toLog()), fileName: 'log.json' };
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:log'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<ToolbarApp actor={d.actor} flightLog={getLog} />);
    // In the settings menu, not a row of its own: hidden until the menu opens.
    expect(screen.queryByRole('button', { name })).toBeNull();
    fireEvent.click(screen.getByTestId('menu'));
    fireEvent.click(screen.getByRole('button', { name }));
    expect(getLog).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('application/json');
    const log = JSON.parse(getLog.mock.results[0]!.value.json) as { entries: { kind: string; data: { ani?: string } }[] };
    const ringing = log.entries.find((entry) => entry.kind === 'event' && (entry.data as { type?: string }).type === 'genesys.ringing');
    expect(ringing?.data.ani).toBe('+00000000042');
    d.stop();
  });

  it('is absent without a recorder', () => {
    const d = createDriver();
    render(<ToolbarApp actor={d.actor} />);
    expect(screen.queryByTestId('flight-log-download')).toBeNull();
    d.stop();
  });
});
