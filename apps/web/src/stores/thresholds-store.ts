// The user's own limits, on top of the defaults from /api/v1/settings; kept in localStorage.
import { thresholds as thresholdsSchema, type Thresholds } from '@floorwatch/contracts/api';
import { create } from 'zustand';

const KEY = 'floorwatch.thresholds.v1';

function load(): Thresholds {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return {};
    const parsed = thresholdsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

interface ThresholdsState {
  overrides: Thresholds;
  save: (t: Thresholds) => void;
  clear: () => void;
}

export const useThresholdsStore = create<ThresholdsState>()((set) => ({
  overrides: load(),
  save: (overrides) => {
    try {
      localStorage.setItem(KEY, JSON.stringify(overrides));
    } catch {
      // storage full or blocked: keep for this page
    }
    set({ overrides });
  },
  clear: () => {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // ignore
    }
    set({ overrides: {} });
  },
}));
