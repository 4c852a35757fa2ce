// gongzhi/boundaries on small made-up files (the layout of eslint.config.js).
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import boundaries from './boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const options = [
  {
    modules: ['src/server/modules', 'src/web/modules'],
    layers: [
      { from: 'src/core', forbid: ['src/server', 'src/web', 'src/cli', 'node:'] },
      { from: 'src/web', forbid: ['src/server', 'src/cli'] },
    ],
  },
];
const at = (file) => path.join(process.cwd(), file);
const ok = (filename, code) => ({ filename: at(filename), code, options });
const bad = (filename, code, messageId) => ({ filename: at(filename), code, options, errors: [{ messageId }] });

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('gongzhi/boundaries', boundaries, {
  valid: [
    ok('src/server/modules/voting/service.ts', "import { registryModule } from '../registry';"),
    ok('src/server/modules/voting/service.ts', "import { quarterPlace } from '../registry/index';"),
    ok('src/server/modules/voting/service.ts', "import { x } from './tables';"),
    ok('src/server/modules/voting/lists/ballots.ts', "import { x } from '../tables';"),
    ok('src/server/modules/voting/service.ts', "import { AppError } from '../../platform/errors';"),
    ok('src/server/app.ts', "import { loadSession } from './modules/auth/service';"),
    ok('src/core/voting/hash.ts', "import { sha256 } from '@noble/hashes/sha2.js';"),
    ok('src/core/voting/hash.ts', "import { x } from '../dates';"),
    ok('src/web/modules/votes/api.ts', "import type { Vote } from '../../../contracts/voting';"),
    ok('src/server/modules/voting/routes.ts', "import { voteSchema } from '../../../contracts/voting';"),
    ok('src/web/main.tsx', "import { x } from './modules/organizations/api';"),
  ],
  invalid: [
    bad('src/server/modules/organizations/vetting.ts', "import { ownerStandings } from '../registry/queries-for-organizations';", 'module'),
    bad('src/server/modules/organizations/sub/x.ts', "import { quarterPlace } from '../../registry/quarters';", 'module'),
    bad('src/server/modules/voting/roll.ts', "import type { RollSourceUnit } from '../registry/queries-for-voting';", 'module'),
    bad('src/server/modules/voting/index.ts', "export { quarterPlace } from '../registry/quarters';", 'module'),
    bad('src/server/modules/voting/service.ts', "const m = await import('../registry/quarters');", 'module'),
    bad('src/web/modules/organizations/api.ts', "import { useVotes } from '../votes/api';", 'module'),
    bad('src/core/voting/hash.ts', "import { createHash } from 'node:crypto';", 'layer'),
    bad('src/core/voting/hash.ts', "import crypto from 'crypto';", 'layer'),
    bad('src/core/areas.ts', "import type { Db } from '../server/db';", 'layer'),
    bad('src/core/areas.ts', "import { t } from '../web/i18n';", 'layer'),
    bad('src/web/api/types.ts', "import type { Actor } from '../../server/platform/access';", 'layer'),
    bad('src/web/pages/X.tsx', "type A = import('../../server/platform/access').Actor;", 'layer'),
  ],
});
