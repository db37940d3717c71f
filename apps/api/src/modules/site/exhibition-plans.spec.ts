import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ExhibitionPlan, ExhibitionPlans, PLAN_ENTRIES, PLAN_RECORDS } from './exhibition-plans';

const ids = (count: number) => Array.from({ length: count }, () => randomUUID());
const plan = (items: number, assets = 0): ExhibitionPlan => ({ exhibitionKey: `exhibition ${randomUUID()} 1 `, itemIds: ids(items), memorialIds: [], assetIds: ids(assets) });

describe('exhibition plans', () => {
  it('keeps at most PLAN_ENTRIES plans, the least recently used out first', () => {
    const plans = new ExhibitionPlans();
    for (let i = 0; i < PLAN_ENTRIES; i++) plans.set('kazakhstan', `exhibition-${i}`, plan(1));
    // Read, the oldest becomes the most recently used and outlives the next oldest.
    expect(plans.get('kazakhstan', 'exhibition-0')).toBeDefined();
    plans.set('armenia', 'one-more', plan(1));
    expect(plans.size).toBe(PLAN_ENTRIES);
    expect(plans.get('kazakhstan', 'exhibition-0')).toBeDefined();
    expect(plans.get('kazakhstan', 'exhibition-1')).toBeUndefined();
    expect(plans.get('armenia', 'one-more')).toBeDefined();
  });

  it('names at most PLAN_RECORDS records and files in all', () => {
    const plans = new ExhibitionPlans();
    const perPlan = 150;
    for (let i = 0; i < 200; i++) plans.set('kazakhstan', `large-${i}`, plan(100, 50));
    expect(plans.records).toBeLessThanOrEqual(PLAN_RECORDS);
    // Fewer plans than the count allows, as many as the bound on records leaves room for.
    expect(plans.size).toBeLessThan(PLAN_ENTRIES);
    expect(plans.size).toBeGreaterThanOrEqual(Math.floor(PLAN_RECORDS / perPlan) - 1);
    expect(plans.get('kazakhstan', 'large-199')).toBeDefined();
    expect(plans.get('kazakhstan', 'large-0')).toBeUndefined();
  });

  it('keeps no plan naming more than the bound at once', () => {
    const plans = new ExhibitionPlans();
    plans.set('kazakhstan', 'small', plan(3));
    plans.set('kazakhstan', 'huge', plan(PLAN_RECORDS + 1));
    expect(plans.get('kazakhstan', 'huge')).toBeUndefined();
    expect(plans.get('kazakhstan', 'small')).toBeDefined();
  });

  it('tells apart the same slug in two countries', () => {
    const plans = new ExhibitionPlans();
    const [kz, am] = [plan(1), plan(2)];
    plans.set('kazakhstan', 'victory', kz);
    plans.set('armenia', 'victory', am);
    expect(plans.get('kazakhstan', 'victory')).toBe(kz);
    expect(plans.get('armenia', 'victory')).toBe(am);
  });
});
