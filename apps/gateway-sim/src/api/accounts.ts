// Sign-in accounts: supervisors 101-199 (100 is below the gateway's agentid range) can query;
// the scenario's monitored agents can sign in too, with the same password, but have no query
// right (300-001), which is how the gateway treats a plain agent asking for the floor.

export interface AccountFlags {
  canQuery: boolean;
  forceLoginAllowed: boolean;
  locked: boolean;
  passwordExpired: boolean;
  password: string;
}

export const SUPERVISOR_FIRST = 101;
export const SUPERVISOR_LAST = 199;

export function isSupervisor(workno: string): boolean {
  const n = Number(workno);
  return /^\d+$/.test(workno) && n >= SUPERVISOR_FIRST && n <= SUPERVISOR_LAST;
}

export class AccountStore {
  private readonly overrides = new Map<string, Partial<AccountFlags>>();

  constructor(
    private readonly defaultPassword: string,
    private readonly isScenarioAgent: (workno: string) => boolean,
  ) {}

  /** The account of a work number, or undefined when the gateway does not know it. */
  get(workno: string): AccountFlags | undefined {
    const o = this.overrides.get(workno);
    const supervisor = isSupervisor(workno);
    if (!supervisor && !this.isScenarioAgent(workno) && !o) return undefined;
    return {
      canQuery: o?.canQuery ?? supervisor,
      forceLoginAllowed: o?.forceLoginAllowed ?? true,
      locked: o?.locked ?? false,
      passwordExpired: o?.passwordExpired ?? false,
      password: o?.password ?? this.defaultPassword,
    };
  }

  /** Changes (or creates) an account; unspecified flags keep their value. */
  update(workno: string, patch: Partial<AccountFlags>): AccountFlags {
    const prev = this.overrides.get(workno) ?? {};
    const next: Partial<AccountFlags> = { ...prev };
    for (const [k, v] of Object.entries(patch) as [keyof AccountFlags, unknown][]) {
      if (v !== undefined) Object.assign(next, { [k]: v });
    }
    this.overrides.set(workno, next);
    const account = this.get(workno);
    if (!account) throw new Error('unreachable: an overridden account always exists');
    return account;
  }
}
