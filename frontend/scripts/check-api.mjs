// Fails when src/lib/api/schema.d.ts is not what openapi-typescript generates from the
// committed ../openapi.yaml (run `npm run gen:api` and commit the result).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const spec = new URL('../../openapi.yaml', import.meta.url).pathname;
const committed = new URL('../src/lib/api/schema.d.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gg-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(process.execPath, [new URL('../node_modules/openapi-typescript/bin/cli.js', import.meta.url).pathname, spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error('check:api: src/lib/api/schema.d.ts is out of date with ../openapi.yaml. Run `npm run gen:api`.');
    process.exit(1);
  }
  console.log('check:api: src/lib/api/schema.d.ts matches ../openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
