import { useId } from 'react';
import { defineMessages } from '@/i18n/messages';
import { endonym, SUPPORTED_LOCALES } from '@/i18n/locales';
import { useI18n, useLocaleStore } from '@/stores/locale-store';

const M = defineMessages({
  label: { id: 'language.label', defaultMessage: 'Language' },
});

/** Every language with a catalogue, each in its own name; the choice is kept per user. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const intl = useI18n();
  const choose = useLocaleStore((s) => s.choose);
  const id = useId();
  return (
    <span className={`inline-flex items-center ${className}`}>
      <label htmlFor={id} className="sr-only">
        {intl.formatMessage(M.label)}
      </label>
      <select
        id={id}
        className="input h-9 py-1 text-sm"
        value={intl.locale}
        title={intl.formatMessage(M.label)}
        onChange={(e) => choose(e.target.value)}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonym(l)}
          </option>
        ))}
      </select>
    </span>
  );
}
