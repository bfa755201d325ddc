// Whether this desk wants a browser notification when something turns critical; kept in this
// browser (the permission itself is the browser's).
import { create } from 'zustand';

const KEY = 'floorwatch.notify.v1';

function load(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

interface NotifyState {
  enabled: boolean;
  setEnabled: (on: boolean) => void;
}

export const useNotifyStore = create<NotifyState>()((set) => ({
  enabled: load(),
  setEnabled: (enabled) => {
    try {
      if (enabled) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      // storage blocked: on for this page only
    }
    set({ enabled });
  },
}));
