/** A button that shows a small panel under the header; Escape or the button closes it and focus returns. */
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../hooks';
import { Icon } from './Icon';
import type { IconName } from '../icon-names';

const CloseContext = createContext<(() => void) | null>(null);

/** Closes the popover this control is in (an action that is done with the panel, such as Log out). */
export function usePopoverClose(): () => void {
  return useContext(CloseContext) ?? (() => undefined);
}

interface PopoverProps {
  testId: string;
  icon: IconName;
  label: string;
  children: ReactNode;
}

export function Popover({ testId, icon, label, children }: PopoverProps) {
  const { t } = useI18n();
  // Whether the panel is open is the UI's own business, not call state.
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open) return undefined;
    panel.current?.focus();
    // Escape closes it wherever focus went (a control inside it may have gone, leaving focus on <body>).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const doc = panel.current?.ownerDocument ?? document;
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button"
        data-testid={testId}
        aria-expanded={open}
        aria-controls={panelId}
        title={label}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name={icon} className="icon-only" />
        <span className="visually-hidden">{label}</span>
      </button>
      {/* Always in the page (hidden when closed), so its controls keep their labels for tests and tools. */}
      <div
        ref={panel}
        id={panelId}
        className="popover"
        role="group"
        aria-label={label}
        tabIndex={-1}
        hidden={!open}
        data-testid={`${testId}-panel`}
      >
        <div className="popover-head">
          <h2>{label}</h2>
          <button type="button" className="icon-button" data-testid={`${testId}-close`} onClick={close}>
            <Icon name="close" className="icon-only" />
            <span className="visually-hidden">{t('header.close')}</span>
          </button>
        </div>
        <CloseContext.Provider value={close}>{children}</CloseContext.Provider>
      </div>
    </>
  );
}
