import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor.js';
import { ChainsService } from '../chains/chains.service.js';
import { createChainSchema } from '../chains/chains.schemas.js';
import { registerEnterpriseSchema } from '../enterprises/enterprise.schemas.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { makeUscc } from '../enterprises/uscc.js';
import { parseOrThrow } from '../platform/validation/zod-validation.js';

/**
 * 产业链招商 demo (issue 15): three chains from the seeds — 尉氏县 汽车零部件 (立邦汽车漆 as 链主),
 * 泌阳县 夏南牛全产业链, 浉河区 茶叶全产业链 — with fictional local enterprises so that each map has
 * strong (≥ 3), weak (1–2) and gap segments, and a few enterprises elsewhere that fit the gaps.
 * Kept apart from the matching demo (seedDemo) so the matching quality figures do not move.
 */
interface DemoChainEnterprise {
  n: number;
  name: string;
  industryCodes: string[];
  homeRegionCode: string;
  targetRegionCodes: string[];
  description: string;
}

const e = (
  n: number,
  name: string,
  homeRegionCode: string,
  industryCodes: string[],
  targetRegionCodes: string[],
  description: string,
): DemoChainEnterprise => ({
  n,
  name,
  industryCodes,
  homeRegionCode,
  targetRegionCodes,
  description,
});

export const demoChainEnterprises: DemoChainEnterprise[] = [
  // 尉氏县 汽车零部件: 零部件 strong (3), 涂料 weak (立邦), the rest gaps
  e(41_000_001, '立邦汽车漆（尉氏）有限公司', '410223', ['C2641'], [], '汽车原厂涂料生产基地，尉氏县引进的产业链链主型企业。'),
  e(41_000_002, '尉氏县恒达汽车零部件有限公司', '410223', ['C3670'], [], '汽车底盘冲压件、结构件生产。'),
  e(41_000_003, '开封豫通汽车配件有限公司', '410223', ['C3670'], [], '汽车制动系统配件。'),
  e(41_000_004, '尉氏县宏昌精密机械有限公司', '410223', ['C3670', 'C3311'], [], '汽车座椅骨架及精密结构件。'),
  e(41_000_011, '郑州安驰汽车玻璃有限公司', '410102', ['C3051'], ['410223'], '汽车前挡、侧窗玻璃，计划在开封周边新建生产线。'),
  e(41_000_012, '洛阳中凯橡胶制品有限公司', '410302', ['C2913'], ['410000'], '汽车密封条、减震橡胶件。'),
  e(41_000_013, '江苏锐能动力电池有限公司', '320505', ['C3841'], [], '动力锂电池模组。'),
  // 泌阳县 夏南牛: 肉牛育肥 strong (3), 屠宰分割 weak (1), the rest gaps
  e(41_000_021, '泌阳县夏南牛养殖专业合作社', '411726', ['A0311'], [], '夏南牛规模化育肥。'),
  e(41_000_022, '泌阳县恒兴牧业有限公司', '411726', ['A0311'], [], '夏南牛育肥牧场。'),
  e(41_000_023, '驻马店夏南牛肉业有限公司', '411726', ['A0311', 'C1351'], [], '夏南牛育肥与屠宰分割。'),
  e(41_000_031, '河南牧原饲草科技有限公司', '410102', ['A0181', 'C1329'], ['411726'], '苜蓿、青贮饲草种植与饲料加工。'),
  e(41_000_032, '山东鲁源冷链物流有限公司', '370102', ['G5930', 'G5432'], ['410000'], '肉类冷库与冷藏运输。'),
  // 浉河区 茶叶全产业链: 精制茶加工 strong (3), 茶叶种植 weak (1), the rest gaps
  e(41_000_041, '信阳浉河毛尖茶业有限公司', '411502', ['C1530'], [], '信阳毛尖精制加工。'),
  e(41_000_042, '信阳文新茶叶有限公司', '411502', ['C1530'], [], '毛尖、红茶精制。'),
  e(41_000_043, '浉河区龙潭茶叶加工厂', '411502', ['C1530'], [], '茶叶初制精制。'),
  e(41_000_044, '浉河区董家河茶园专业合作社', '411502', ['A0164'], [], '高山茶园种植。'),
  e(41_000_051, '杭州茗匠制茶机械有限公司', '330106', ['C3531'], ['411500'], '名优茶加工成套设备。'),
  e(41_000_052, '福建清源茶饮料有限公司', '350102', ['C1529'], ['410000'], '茶饮料与茶多酚提取。'),
];

export interface DemoChain {
  regionCode: string;
  templateKey: string;
  name: string;
  anchorN: number[];
}

export const demoChains: DemoChain[] = [
  { regionCode: '410223', templateKey: 'auto-parts', name: '汽车零部件', anchorN: [41_000_001] },
  { regionCode: '411726', templateKey: 'beef-cattle', name: '夏南牛全产业链', anchorN: [41_000_023] },
  { regionCode: '411502', templateKey: 'tea', name: '茶叶全产业链', anchorN: [41_000_041] },
];

export const demoChainUscc = (x: DemoChainEnterprise) => makeUscc(x.homeRegionCode, x.n);

/** Loads the chain demo through the services; keyed by USCC and by (region, chain name): a second run changes nothing. */
export async function seedDemoChains(
  app: INestApplicationContext,
): Promise<{ chains: { created: number; existing: number }; enterprises: { created: number; existing: number } }> {
  const ds = app.get(DataSource);
  const enterprises = app.get(EnterprisesService);
  const chains = app.get(ChainsService);
  const report = { chains: { created: 0, existing: 0 }, enterprises: { created: 0, existing: 0 } };
  const idByN = new Map<number, number>();
  for (const x of demoChainEnterprises) {
    const uscc = demoChainUscc(x);
    const found = await enterprises.findByUscc(uscc);
    if (found) {
      idByN.set(x.n, found.id);
      report.enterprises.existing++;
      continue;
    }
    const input = parseOrThrow(
      registerEnterpriseSchema,
      {
        uscc,
        name: x.name,
        industryCodes: x.industryCodes,
        homeRegionCode: x.homeRegionCode,
        targetRegionCodes: x.targetRegionCodes,
        size: 'medium',
        certifications: [],
        description: x.description,
        contacts: [{ name: '演示联系人', email: `chain-demo-${x.n}@example.com` }],
      },
      `chain demo enterprise ${x.name}`,
    );
    const created = await ds.transaction((m) => enterprises.register(input, m));
    idByN.set(x.n, created.id);
    report.enterprises.created++;
  }
  const [admin]: Array<{ id: number; email: string; name: string }> = await ds.query(
    `SELECT id, email, name FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`,
  );
  if (!admin) throw new Error('demo chains: no admin user');
  const actor: Actor = {
    userId: admin.id,
    role: 'admin',
    email: admin.email,
    name: admin.name,
    bureauId: null,
    regionScope: null,
    enterpriseId: null,
  };
  for (const c of demoChains) {
    const [exists] = await ds.query(`SELECT id FROM chain WHERE region_code = $1 AND name = $2`, [c.regionCode, c.name]);
    if (exists) {
      report.chains.existing++;
      continue;
    }
    const input = parseOrThrow(
      createChainSchema,
      { regionCode: c.regionCode, templateKey: c.templateKey, name: c.name, anchorEnterpriseIds: c.anchorN.map((n) => idByN.get(n)!) },
      `chain ${c.name}`,
    );
    await chains.create(actor, input);
    report.chains.created++;
  }
  return report;
}
