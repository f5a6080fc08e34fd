import type { ServiceItem } from '#libs/contracts';
import { SAMPLE_CATALOG } from '../seed/sample-catalog.js';
import { checkSupplied, pendingAfter } from './supplied-materials.js';

const foodBiz = SAMPLE_CATALOG.items.find((i) => i.code === 'FOOD-BIZ') as unknown as ServiceItem;
const M03 = { code: 'M03', name: '与食品经营相适应的主要设备设施布局、操作流程等文件', reason: 'MISSING' };
const M04 = { code: 'M04', name: '食品安全自查、从业人员健康管理等食品安全管理制度', reason: 'MISSING' };

describe('materials supplied after acceptance', () => {
  it("names a material by the case's item version, and keeps a free-form one by its name", () => {
    expect(checkSupplied(foodBiz, [{ code: 'M03' }, { name: ' 现场照片 ' }])).toEqual({
      problems: [],
      materials: [{ code: 'M03', name: M03.name }, { name: '现场照片' }],
    });
  });

  it('lists every problem at once', () => {
    const r = checkSupplied(foodBiz, [{}, { code: 'M99' }, { code: 'M03' }, { code: 'M03', name: 'again' }]);
    expect(r.problems.map((p) => `${p.field} ${p.rule}`)).toEqual(['materials.0 codeOrName', 'materials.1.code knownMaterial', 'materials.3 unique']);
    expect(checkSupplied(foodBiz, []).problems.map((p) => p.rule)).toEqual(['arrayNotEmpty']);
  });

  it('leaves pending only what has not arrived, in any order of supplements', () => {
    const pending = [M03, M04];
    expect(pendingAfter(pending, [{ code: 'M04', name: M04.name }])).toEqual([M03]);
    const a = pendingAfter(pendingAfter(pending, [{ code: 'M03', name: 'x' }]), [{ code: 'M04', name: 'y' }]);
    const b = pendingAfter(pendingAfter(pending, [{ code: 'M04', name: 'y' }]), [{ code: 'M03', name: 'x' }]);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
    expect(pendingAfter([{ name: '房屋平面图' }], [{ name: '房屋平面图 ' }])).toEqual([]);
  });
});
