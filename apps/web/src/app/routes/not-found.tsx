import { Link } from 'react-router';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';

const M = defineMessages({
  title: { id: 'not-found.title', defaultMessage: 'Page not found' },
  body: { id: 'not-found.body', defaultMessage: 'There is nothing at this address.' },
  back: { id: 'not-found.back', defaultMessage: 'Back to the overview' },
});

export function NotFoundRoute() {
  const intl = useI18n();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-3 p-8">
      <h1 className="text-xl font-semibold">{intl.formatMessage(M.title)}</h1>
      <p className="text-muted">{intl.formatMessage(M.body)}</p>
      <Link to="/" className="btn self-start">
        {intl.formatMessage(M.back)}
      </Link>
    </div>
  );
}
