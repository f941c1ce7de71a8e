import { U } from './demo-data.js';

/** The demo's one password (shown by `npm run demo`); never use demo accounts outside a demo. */
export const DEMO_PASSWORD = 'Zhaoshang-Demo-2026';

export interface DemoBureau {
  key: string;
  name: string;
  regionCode: string;
}

export const demoBureaus: DemoBureau[] = [
  { key: 'henan', name: '河南省投资促进局', regionCode: '410000' },
  { key: 'kaifeng', name: '开封市投资促进局', regionCode: '410200' },
  { key: 'weishi', name: '尉氏县招商局', regionCode: '410223' },
  { key: 'luoyang', name: '洛阳市投资促进局', regionCode: '410300' },
  { key: 'nanyang', name: '南阳市投资促进局', regionCode: '411300' },
  { key: 'hangkonggang', name: '郑州航空港经济综合实验区招商局', regionCode: '410173' },
];

export interface DemoUser {
  email: string;
  name: string;
  role: 'admin' | 'bureau_lead' | 'officer' | 'enterprise';
  bureau?: string;
  enterpriseUscc?: string;
  /** Staff: the office phone enterprises see on their leads. */
  phone?: string;
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@example.com', name: '平台管理员', role: 'admin' },
  { email: 'lead.kaifeng@example.com', phone: '0371-23380001', name: '周局长', role: 'bureau_lead', bureau: 'kaifeng' },
  { email: 'officer.kaifeng@example.com', phone: '0371-23380002', name: '陈专员', role: 'officer', bureau: 'kaifeng' },
  { email: 'lead.weishi@example.com', phone: '0371-27970001', name: '刘局长', role: 'bureau_lead', bureau: 'weishi' },
  { email: 'officer.weishi@example.com', phone: '0371-27970002', name: '孙专员', role: 'officer', bureau: 'weishi' },
  { email: 'officer2.weishi@example.com', phone: '0371-27970003', name: '郑专员', role: 'officer', bureau: 'weishi' },
  { email: 'officer.luoyang@example.com', phone: '0379-63210001', name: '何专员', role: 'officer', bureau: 'luoyang' },
  { email: 'officer.nanyang@example.com', phone: '0377-63110001', name: '吴专员', role: 'officer', bureau: 'nanyang' },
  { email: 'officer.hkg@example.com', phone: '0371-86190001', name: '马专员', role: 'officer', bureau: 'hangkonggang' },
  { email: 'officer.henan@example.com', phone: '0371-65900001', name: '省局专员', role: 'officer', bureau: 'henan' },
  { email: 'wang.jianguo@example.com', name: '王建国', role: 'enterprise', enterpriseUscc: U.mufeng },
  { email: 'zhao.fengnian@example.com', name: '赵丰年', role: 'enterprise', enterpriseUscc: U.maixiang },
];
