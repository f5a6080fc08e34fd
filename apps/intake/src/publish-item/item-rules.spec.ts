import { SAMPLE_CATALOG } from '../seed/sample-catalog.js';
import { itemProblems, type CatalogFacts } from './item-rules.js';

const facts: CatalogFacts = { departments: new Set(SAMPLE_CATALOG.departments.map((d) => d.code)) };
const sample = (code: string) => structuredClone(SAMPLE_CATALOG.items.find((i) => i.code === code)) as unknown as Record<string, any>;
const rules = (def: unknown) => itemProblems(def, facts).map((p) => `${p.field} ${p.rule}`);

describe('catalog item validation', () => {
  it('passes every item of the sample catalog', () => {
    for (const item of SAMPLE_CATALOG.items) expect([item.code, itemProblems(item, facts)]).toEqual([item.code, []]);
  });

  it('lists every problem of a broken item at once', () => {
    const item = sample('RE-TRANSFER');
    item.reviewPlan = [
      { stage: 1, departments: ['HUD', 'MOON'], lead: 'NRB' },
      { stage: 2, departments: [] },
    ];
    item.materials.push({ code: 'M01', name: '重复的材料', required: true, tolerable: false });
    item.promisedDays = 40;
    item.caseType = 'URGENT';
    item.applicantTypes = ['PERSON', 'ALIEN'];
    item.fees[0].kind = 'FIXED';
    delete item.fees[0].amountFen;
    item.fees[2].unitPriceFenBy = { field: 'x', rates: { A: 1 } };
    item.colour = 'red';
    expect(rules(item).sort()).toEqual(
      [
        'reviewPlan.0.departments.1 knownDepartment',
        'reviewPlan.0.lead leadInStage',
        'reviewPlan.1.departments stageNotEmpty',
        'materials.6.code uniqueMaterialCode',
        'promisedDays promisedNotAboveLegal',
        'caseType isIn',
        'applicantTypes.1 isIn',
        'fees.0.amountFen feeRuleShape',
        'fees.2.unitPriceFen feeRuleShape',
        'colour whitelist',
      ].sort(),
    );
  });

  it('refuses an unknown department anywhere it can appear', () => {
    const item = sample('ROAD-EXCAVATION');
    item.fees[0].department = 'NOPE';
    item.results[0].department = 'NOPE';
    item.reviewPlan[0].departments = ['HUD', 'NOPE'];
    expect(rules(item).sort()).toEqual(['fees.0.department knownDepartment', 'results.0.department knownDepartment', 'reviewPlan.0.departments.1 knownDepartment']);
  });

  it('takes a result validity in whole years 1-100, or none (#10)', () => {
    const item = sample('FOOD-BIZ');
    expect(item.results[0].validityYears).toBe(5);
    expect(rules(item)).toEqual([]);
    for (const bad of [0, 101, 2.5, '5', null]) {
      item.results[0].validityYears = bad;
      expect(rules(item)).toEqual(['results.0.validityYears isInt']);
    }
    delete item.results[0].validityYears;
    expect(rules(item)).toEqual([]);
  });

  it('allows promised = legal but not promised > legal', () => {
    const item = sample('FOOD-BIZ');
    item.promisedDays = item.legalDays;
    expect(rules(item)).toEqual([]);
    item.promisedDays = item.legalDays + 1;
    expect(rules(item)).toEqual(['promisedDays promisedNotAboveLegal']);
    item.promisedDays = 1.5;
    expect(rules(item)).toEqual(['promisedDays isInt']);
  });

  it('checks the shape of fee rules by kind', () => {
    const item = sample('ROAD-EXCAVATION');
    const base = item.fees[0];
    item.fees = [
      { ...base, code: 'A', unitPriceFen: 100 }, // both unitPriceFen and unitPriceFenBy
      { ...base, code: 'B', unitPriceFenBy: undefined, unitPriceFen: -1 },
      { code: 'C', name: '固定', department: 'HUD', kind: 'FIXED', amountFen: 100, quantityFrom: 'n' },
      { code: 'D', name: '按面积', department: 'HUD', kind: 'PER_UNIT', unitPriceFen: 10 },
      { code: 'E', name: '未知', department: 'HUD', kind: 'PERCENT' },
      { code: 'F', name: '条件', department: 'HUD', kind: 'FIXED', amountFen: 1, when: { surface: [] } },
    ];
    expect(rules(item).sort()).toEqual(
      ['fees.0.unitPriceFen feeRuleShape', 'fees.1.unitPriceFen feeRuleShape', 'fees.2.quantityFrom feeRuleShape', 'fees.3.quantityFrom feeRuleShape', 'fees.4.kind isIn', 'fees.5.when feeRuleShape'].sort(),
    );
  });

  it('wants one stage with one department for an immediate item, and a decider in the plan for a reported one', () => {
    const seal = sample('SEAL-FILING');
    seal.reviewPlan = [{ stage: 1, departments: ['PSB', 'SAMR'] }];
    expect(rules(seal)).toEqual(['reviewPlan immediateSingleDepartment']);

    const lowIncome = sample('LOW-INCOME');
    lowIncome.decidedBy = { level: 'county', department: 'TAX' };
    expect(rules(lowIncome)).toEqual(['decidedBy.department decidedByInPlan']);
    delete lowIncome.decidedBy;
    expect(rules(lowIncome)).toEqual(['decidedBy requiredForReported']);
  });

  it('refuses a version in the body, non-objects and a missing everything', () => {
    expect(rules({ ...sample('ID-CARD'), version: 3 })).toEqual(['version assignedByCatalog']);
    expect(rules('RE-TRANSFER')).toEqual(['definition isObject']);
    expect(rules({}).sort()).toEqual(
      ['applicantTypes arrayNotEmpty', 'caseType isIn', 'code itemCode', 'fees isArray', 'legalDays isInt', 'materials isArray', 'name isNotEmpty', 'powerType isIn', 'promisedDays isInt', 'results isArray', 'reviewPlan isArray'].sort(),
    );
  });

  it('keeps Chinese names as they are and only checks they are not blank', () => {
    const item = sample('ID-CARD');
    item.name = '居民身份证申领（新版）';
    expect(rules(item)).toEqual([]);
    item.name = '   ';
    expect(rules(item)).toEqual(['name isNotEmpty']);
  });

  it('bounds every number: stage 1..99, days, fen up to 10^10', () => {
    const item = sample('RE-TRANSFER');
    item.reviewPlan[0].stage = 1e308;
    item.reviewPlan[0].shareDays = 1e308;
    item.fees[0].amountFen = 10 ** 13;
    item.fees[2].unitPriceFen = 1.5;
    expect(rules(item).sort()).toEqual(['fees.0.amountFen feeRuleShape', 'fees.2.unitPriceFen feeRuleShape', 'reviewPlan.0.shareDays isNonNegativeInt', 'reviewPlan.0.stage isPositiveInt']);
    item.reviewPlan[0].stage = 100;
    item.reviewPlan[0].shareDays = -1;
    item.fees[0].amountFen = 10 ** 10;
    item.fees[2].unitPriceFen = 1000;
    expect(rules(item).sort()).toEqual(['reviewPlan.0.shareDays isNonNegativeInt', 'reviewPlan.0.stage isPositiveInt']);
    item.reviewPlan[0].stage = 99;
    item.reviewPlan[0].shareDays = 750;
    expect(rules(item)).toEqual([]);

    const road = sample('ROAD-EXCAVATION');
    road.fees[0].unitPriceFenBy.rates.ASPHALT = 1e308;
    expect(rules(road)).toEqual(['fees.0.unitPriceFenBy feeRuleShape']);
  });

  it('checks the form declarations and the quantities fee rules read from them', () => {
    const item = sample('RE-TRANSFER');
    item.formFields[1] = { name: 'extraCertificates', type: 'integer', min: 0, max: 1e308 };
    expect(rules(item)).toEqual(['formFields.1.max integerBounds']);
    item.formFields[1] = { name: 'extraCertificates', type: 'decimal', min: 0, max: 10, scale: 2 };
    expect(rules(item)).toEqual(['fees.2.quantityFrom integerFormField']);
    item.formFields[1] = { name: 'extraCertificates', type: 'integer', min: -5, max: 10 };
    expect(rules(item)).toEqual(['fees.2.quantityFrom nonNegativeQuantity']);
    item.formFields[1] = { name: 'extraCertificates', type: 'integer', min: 0, max: 10 ** 7 };
    item.fees[2].unitPriceFen = 10 ** 10; // 10^7 × 10^10 is beyond a safe integer of fen
    expect(rules(item)).toEqual(['fees.2.quantityFrom amountInRange']);
    item.formFields.pop();
    expect(rules(item)).toEqual(['fees.2.quantityFrom declaredFormField']);
    delete item.formFields; // an item without declarations: quantities fall back to 0..9999, which any price fits
    expect(rules(item)).toEqual([]);

    const road = sample('ROAD-EXCAVATION');
    road.formFields[0].max = 10 ** 12; // × 28000 fen is beyond a safe integer
    expect(rules(road)).toEqual(['fees.0.quantityFrom amountInRange']);
    road.formFields = 'area';
    expect(rules(road)).toEqual(['formFields isArray']);
  });
});
