import * as fs from 'node:fs';
import { PLUGIN_USAGE, README, expectedReadme, nameMark } from './fidelity/fidelity-table';

test('the README’s fidelity table is the one the code gives (npm run fidelity -w @sigslot/sd-shim rewrites it)', () => {
  expect(fs.readFileSync(README, 'utf8')).toBe(expectedReadme());
});

test('every documented method used by three or more audited plugins is modelled, and ≥ 95 % of their call sites', () => {
  const common = Object.entries(PLUGIN_USAGE.methods).filter(([, u]) => u.repos >= 3);
  expect(common.length).toBeGreaterThanOrEqual(60);
  expect(common.filter(([m]) => nameMark(m) === '✘').map(([m]) => m)).toEqual([]);
  const sites = common.reduce((n, [, u]) => n + u.sites, 0);
  const asDocumented = common.filter(([m]) => nameMark(m) === '✔').reduce((n, [, u]) => n + u.sites, 0);
  expect(asDocumented / sites).toBeGreaterThanOrEqual(0.95);
});
