import { create } from 'zustand';

export type ThemeChoice = 'light' | 'dark' | 'system';
const KEY = 'floorwatch.theme';

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

export function resolveDark(choice: ThemeChoice, preferDark = systemDark()): boolean {
  return choice === 'dark' || (choice === 'system' && preferDark);
}

interface ThemeState {
  choice: ThemeChoice;
  toggle: () => void;
  set: (c: ThemeChoice) => void;
}

function apply(choice: ThemeChoice, fallbackDark?: boolean) {
  const dark =
    choice === 'system' && fallbackDark !== undefined ? fallbackDark : resolveDark(choice);
  document.documentElement.classList.toggle('dark', dark);
}

export const useThemeStore = create<ThemeState>()((set, get) => ({
  choice: readChoice(),
  toggle: () => {
    const dark = document.documentElement.classList.contains('dark');
    get().set(dark ? 'light' : 'dark');
  },
  set: (choice) => {
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // private mode: the choice lasts for this page only
    }
    apply(choice);
    set({ choice });
  },
}));

/** Applies the saved choice; `defaultDark` is used when the user never chose (wall: dark). */
export function applyTheme(defaultDark?: boolean): void {
  apply(useThemeStore.getState().choice, defaultDark);
}
