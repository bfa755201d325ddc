import { Component, type ErrorInfo, type ReactNode } from 'react';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  failed: { id: 'panel.failed', defaultMessage: '{what} could not be shown.' },
  retry: { id: 'panel.retry', defaultMessage: 'Retry' },
});

interface Props {
  fallback: (error: Error, reset: () => void) => ReactNode;
  children: ReactNode;
  /** When any of these change, a shown error is cleared (e.g. the route). */
  resetKeys?: readonly unknown[];
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const a = props.resetKeys ?? [];
    const b = state.keys ?? [];
    if (state.error && (a.length !== b.length || a.some((k, i) => !Object.is(k, b[i]))))
      return { error: null, keys: props.resetKeys };
    if (state.keys !== props.resetKeys) return { keys: props.resetKeys };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('[floorwatch] render error', error, info.componentStack);
  }

  reset = () => this.setState({ error: null });

  override render() {
    if (this.state.error) return this.props.fallback(this.state.error, this.reset);
    return this.props.children;
  }
}

/** A small in-place fallback for one panel (a chart, a tile) so the rest of the page stays. */
export function PanelError({ what, reset }: { what: string; reset: () => void }) {
  const intl = useI18n();
  return (
    <div role="alert" className="flex items-center gap-2 text-sm text-muted">
      <span>{intl.formatMessage(M.failed, { what })}</span>
      <button type="button" className="btn btn-ghost px-2 py-0.5 underline" onClick={reset}>
        {intl.formatMessage(M.retry)}
      </button>
    </div>
  );
}
