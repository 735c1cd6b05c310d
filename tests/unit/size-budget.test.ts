/**
 * The size budget: the weapp production build's main package stays within 512 KB and each
 * subpackage within 300 KB (the budgets live in scripts/size.ts). `npm test` builds dist/ before
 * jest runs; run alone, this needs `npm run build:weapp` first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkBudgets, dist, hasWeappBuild, MAIN_PACKAGE, overBudgetReport, SIZE_BUDGET_KB } from '../../scripts/size';

describe('weapp package size budget', () => {
  it('main package and every subpackage of dist/ are within budget', () => {
    if (!hasWeappBuild()) {
      throw new Error(`No weapp build in ${dist}: run \`npm run build:weapp\` (a production build) first; \`npm test\` does it for you.`);
    }
    expect(checkBudgets().map((p) => p.name)).toContain(MAIN_PACKAGE);
    const report = overBudgetReport();
    if (report) throw new Error(report);
  });

  it('names the package that grew, its size, its budget and its largest files', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'jgzj-size-'));
    try {
      const write = (file: string, kbytes: number) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), Buffer.alloc(kbytes * 1024));
      };
      writeFileSync(path.join(root, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/big', pages: ['a/index'] }, { root: 'packages/small/', pages: ['b/index'] }] }));
      write('vendors.js', 100);
      write('vendors.js.map', 5000);
      write('packages/big/a/index.js', SIZE_BUDGET_KB.subpackage - 50);
      write('packages/big/vendor.js', 60);
      write('packages/small/b/index.js', 10);
      const sizes = Object.fromEntries(checkBudgets(root).map((p) => [p.name, p.over]));
      expect(sizes).toEqual({ [MAIN_PACKAGE]: false, 'packages/big': true, 'packages/small': false });
      const report = overBudgetReport(root)!;
      expect(report).toContain(`packages/big: ${(SIZE_BUDGET_KB.subpackage + 10).toFixed(1)} KB, over its budget of ${SIZE_BUDGET_KB.subpackage} KB`);
      expect(report.indexOf('packages/big/a/index.js')).toBeLessThan(report.indexOf('packages/big/vendor.js'));
      expect(report).not.toContain('packages/small');
      expect(report).not.toContain(MAIN_PACKAGE);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
