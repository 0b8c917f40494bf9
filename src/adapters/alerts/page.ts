/** The toolbar page itself: whether it is hidden (another tab or window in front), and its title. */

export interface PageSignals {
  hidden(): boolean;
  /** Calls `listener` when the page is shown or hidden; returns the unsubscribe. */
  onVisibility(listener: () => void): () => void;
  setTitle(title: string): void;
  /** The agent's first click or key in the page (audio may start only after one). */
  onFirstGesture(listener: () => void): void;
}

export function createPageSignals(doc: Document): PageSignals {
  return {
    hidden: () => doc.visibilityState === 'hidden',
    onVisibility(listener) {
      doc.addEventListener('visibilitychange', listener);
      return () => doc.removeEventListener('visibilitychange', listener);
    },
    setTitle(title) {
      if (doc.title !== title) doc.title = title;
    },
    onFirstGesture(listener) {
      const once = () => {
        doc.removeEventListener('pointerdown', once, true);
        doc.removeEventListener('keydown', once, true);
        listener();
      };
      doc.addEventListener('pointerdown', once, true);
      doc.addEventListener('keydown', once, true);
    },
  };
}
