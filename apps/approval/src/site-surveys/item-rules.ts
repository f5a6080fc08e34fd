import { Injectable } from '@nestjs/common';
import { AppError, Rpc, type ServiceItem } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';

export interface ItemRules {
  jointSiteSurvey: boolean;
  /** The lead department of each stage that has one. */
  leads: Record<number, string>;
}

const FRESH_MS = 5 * 60_000;

/**
 * What approval needs of the catalog (owned by intake): whether an item needs a joint site survey, and each
 * stage's lead. Asked over NATS and kept for five minutes; a stale answer is used when intake does not answer.
 * It is the item's latest version: the events a case travels on do not carry the survey flag (yet).
 */
@Injectable()
export class ItemRulesCache {
  private readonly cache = new Map<string, { at: number; rules: ItemRules }>();

  constructor(private readonly rpc: RpcClient) {}

  async of(itemCode: string): Promise<ItemRules> {
    const hit = this.cache.get(itemCode);
    if (hit && Date.now() - hit.at < FRESH_MS) return hit.rules;
    try {
      const item = await this.rpc.request<ServiceItem>(Rpc.intake.getItem, { code: itemCode }, { timeoutMs: 3000 });
      const rules = rulesOf(item);
      this.cache.set(itemCode, { at: Date.now(), rules });
      return rules;
    } catch (e) {
      if (hit) return hit.rules;
      // An item that left the catalog imposes nothing more than it did on the cases already running: no survey.
      if (e instanceof AppError && e.status === 404) return { jointSiteSurvey: false, leads: {} };
      throw e;
    }
  }
}

export function rulesOf(item: Pick<ServiceItem, 'jointSiteSurvey' | 'reviewPlan'>): ItemRules {
  const leads: Record<number, string> = {};
  for (const s of item.reviewPlan ?? []) if (s.lead) leads[s.stage] = s.lead;
  return { jointSiteSurvey: item.jointSiteSurvey === true, leads };
}
