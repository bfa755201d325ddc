import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlParams, type UrlParamsEdit } from './use-url-params';

const set =
  (key: string, value: string): UrlParamsEdit =>
  (p) => {
    p.set(key, value);
    return p;
  };

function Probe({ expose }: { expose: (update: (e: UrlParamsEdit) => void) => void }) {
  const [, update] = useUrlParams();
  expose(update);
  return <output>{useLocation().search}</output>;
}

describe('useUrlParams', () => {
  it('keeps both of two edits made before the router renders (media filter, then search)', () => {
    let update: (e: UrlParamsEdit) => void = () => undefined;
    const { container } = render(
      <MemoryRouter initialEntries={['/?media=53']}>
        <Probe expose={(u) => (update = u)} />
      </MemoryRouter>,
    );
    act(() => {
      update((p) => {
        p.delete('media');
        return p;
      });
      update(set('q', 'sup'));
    });
    expect(container.textContent).toBe('?q=sup');
    act(() => update(set('sort', 'name')));
    expect(container.textContent).toBe('?q=sup&sort=name');
  });
});
