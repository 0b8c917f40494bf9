/** The keyboard shortcuts, and where they work (inside the toolbar frame only). */
import { SHORTCUTS } from '../call.connect';
import { useI18n } from '../hooks';
import type { UiKey } from '../i18n';

const ROWS: [string, UiKey][] = [
  [SHORTCUTS.accept, 'help.accept'],
  [SHORTCUTS.decline, 'help.decline'],
  [SHORTCUTS.hangup, 'help.hangup'],
  ['Tab / Shift+Tab', 'help.tab'],
  ['Esc', 'help.escape'],
];

export function ShortcutHelp() {
  const { t } = useI18n();
  return (
    <div className="help" data-testid="shortcut-help">
      <p className="hint-text">{t('help.intro')}</p>
      <dl className="keys">
        {ROWS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
