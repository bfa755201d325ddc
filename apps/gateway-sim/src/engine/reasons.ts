// The `currentStateReason` codes the engine gives rests (status 8) and said-busy (status 3), as
// a VDN would configure them (docs/gateway.md §Media and reason codes: rest causes 0-255, busy
// reason 1 plus custom 200-250). Labels are for the control API and docs/simulator.md only: the
// gateway sends the bare code.
import type { Locale } from '../scenarios/locale';

export interface ReasonDef {
  code: number;
  /** Relative frequency among the reasons of its state. */
  weight: number;
  /** Mean duration in seconds. */
  meanS: number;
  label: Readonly<Record<Locale, string>>;
}

export const REST_REASONS: readonly ReasonDef[] = [
  { code: 4, weight: 1, meanS: 600, label: { en: 'Rest', 'zh-CN': '休息' } },
  { code: 11, weight: 6, meanS: 600, label: { en: 'Short break', 'zh-CN': '小休' } },
  { code: 12, weight: 2, meanS: 1800, label: { en: 'Lunch', 'zh-CN': '午餐' } },
  { code: 13, weight: 1, meanS: 1800, label: { en: 'Training', 'zh-CN': '培训' } },
  { code: 14, weight: 1, meanS: 1200, label: { en: 'Team meeting', 'zh-CN': '班组会议' } },
];

export const BUSY_REASONS: readonly ReasonDef[] = [
  { code: 1, weight: 5, meanS: 240, label: { en: 'Said busy', 'zh-CN': '示忙' } },
  { code: 201, weight: 2, meanS: 240, label: { en: 'After-call admin', 'zh-CN': '事后处理' } },
  { code: 202, weight: 2, meanS: 300, label: { en: 'Outbound follow-up', 'zh-CN': '外呼回访' } },
  { code: 203, weight: 1, meanS: 420, label: { en: 'Back-office task', 'zh-CN': '后台事务' } },
  { code: 205, weight: 1, meanS: 180, label: { en: 'System problem', 'zh-CN': '系统故障' } },
];

/** A reason drawn by weight from one uniform draw `u` in [0, 1). */
export function pickReason(reasons: readonly ReasonDef[], u: number): ReasonDef {
  const total = reasons.reduce((s, r) => s + r.weight, 0);
  let left = u * total;
  for (const r of reasons) {
    left -= r.weight;
    if (left < 0) return r;
  }
  const last = reasons[reasons.length - 1];
  if (!last) throw new Error('pickReason: no reasons');
  return last;
}
