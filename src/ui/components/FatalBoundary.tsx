/** If the statechart stops with an error (useSelector rethrows it), say so instead of a blank frame. */
import { Component, type ReactNode } from 'react';
import type { Lang } from '../../config';
import { translatorFor } from '../i18n';

interface Props {
  lang: Lang;
  children: ReactNode;
}

export class FatalBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const { t } = translatorFor(this.props.lang);
    return (
      <div className="fatal" role="alert" data-testid="fatal-error" lang={this.props.lang}>
        <h1>{t('fatal.title')}</h1>
        <p>{t('fatal.body')}</p>
        <pre className="detail">{this.state.error.message}</pre>
      </div>
    );
  }
}
