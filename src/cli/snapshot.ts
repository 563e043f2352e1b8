/**
 * Entry of the start-up snapshot of `slant analyze` (built by scripts/build-snapshot.ts into dist/snapshot/, used by
 * bin/slant.cjs). Building runs this module once: it loads wink's model and compiles every built-in lexicon and
 * model by analysing a short text of our own, then V8 saves the whole heap. Each `slant analyze` then starts from
 * that heap (`node --snapshot-blob …`) instead of loading and compiling again: the CLI is the same code, given the
 * same arguments, so its output is the same (test/package/snapshot.test.ts compares them).
 *
 * Nothing here may keep state of the machine that builds it: the process's streams, environment and terminal are
 * read when a command runs (src/cli/io.ts), never when a module loads.
 */
import { startupSnapshot } from 'node:v8';
import { formatReport } from '../format';
import { createPipeline } from '../pipeline';
import { runProcess } from './index';

const WARM_UP =
  'Officials said on Monday that the plan, which critics called "reckless", cannot be overstated. ' +
  'Analysts suggest the deal is a testament to years of talks. "We will not back down," the minister said.';

const report = createPipeline().analyze(WARM_UP);
formatReport(report, 'text', { text: WARM_UP });
formatReport(report, 'json', { text: WARM_UP });

// Under --snapshot-blob there is no script path: the arguments start at argv[1].
startupSnapshot.setDeserializeMainFunction(() => runProcess(process.argv.slice(1)));
