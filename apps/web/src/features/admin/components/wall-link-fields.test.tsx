import { wallLinkCreate } from '@floorwatch/contracts/api';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LINK,
  linkBodyOf,
  linkDraftOf,
  WallLinkFields,
  type WallLinkDraft,
} from './wall-link-fields';

function Form({ onDraft }: { onDraft: (d: WallLinkDraft) => void }) {
  const [draft, setDraft] = useState(EMPTY_LINK);
  return (
    <WallLinkFields
      idPrefix="t"
      draft={draft}
      setDraft={(d) => {
        setDraft(d);
        onDraft(d);
      }}
      queues={[]}
      errors={{}}
    />
  );
}

describe('a wall link’s language', () => {
  it('is chosen among the languages the SPA speaks, each in its own name, and sent as a tag', async () => {
    let last = EMPTY_LINK;
    render(<Form onDraft={(d) => (last = d)} />);
    const select = screen.getByRole('combobox', { name: 'Language on the display' });
    expect(select).toHaveValue('');
    await userEvent.selectOptions(select, '中文（中国）');
    const body = wallLinkCreate.parse(linkBodyOf({ ...last, name: 'North TV' }));
    expect(body.lang).toBe('zh-CN');
  });

  it('survives an edit: a stored language is not dropped by saving other fields', () => {
    const stored = {
      name: 'North TV',
      queues: '*' as const,
      rotateSec: null,
      lang: 'zh-CN',
      sound: true,
    };
    expect(linkBodyOf(linkDraftOf(stored))).toMatchObject({ lang: 'zh-CN', sound: true });
    expect(linkBodyOf(linkDraftOf({ ...stored, lang: null }))).toMatchObject({ lang: null });
  });
});
