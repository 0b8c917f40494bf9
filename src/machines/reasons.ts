/** Words for a not-ready reason code, in the toolbar's language: Fusion shows them as they are. */
import type { ToolbarConfig } from '../config';

/** Reasons the toolbar itself sets, beside the configured ones. */
const BUILT_IN: Readonly<Record<string, { en: string; ja: string }>> = {
  AfterCallWork: { en: 'After-call work', ja: '後処理' },
  LINK_DOWN: { en: 'Phone system link down', ja: '電話システムの回線断' },
};

export function reasonLabel(config: Pick<ToolbarConfig, 'notReadyReasons' | 'lang'>, code: string): string | undefined {
  const configured = config.notReadyReasons.find((reason) => reason.code === code);
  if (configured) return configured.label[config.lang];
  return Object.hasOwn(BUILT_IN, code) ? BUILT_IN[code]![config.lang] : undefined;
}
