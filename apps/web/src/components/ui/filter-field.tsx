// The labelled control used by every filter bar (overview, queue grid): one look, and a real
// <label for> so tests and screen readers find each control by its name.
import type { ReactNode } from 'react';
import { SearchIcon } from '@/components/icons';

export function FilterField({
  id,
  label,
  children,
  className = '',
}: {
  id: string;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-semibold text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

export function SearchInput(props: {
  id: string;
  value: string;
  placeholder: string;
  widthClass: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="relative">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-muted" />
      <input
        id={props.id}
        type="search"
        className={`input ${props.widthClass} pl-8`}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
