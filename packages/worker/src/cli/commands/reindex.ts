import { rebuildSearchIndex } from '../../steps/rebuild-search-index.js';
import type { Command } from '../command.js';
import { cliConfig, openRuntime } from '../open.js';
import { progressBar } from './progress.js';

/** `doctorly reindex`: full rebuild of the search index. @category CLI */
export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'rebuild the doctor search index from PostgreSQL',
  help: `Usage: doctorly reindex

Rewrites every doctor's search document from PostgreSQL and removes documents of doctors
that do not exist, with a progress bar. With the PostgreSQL search engine there is nothing
to write (PostgreSQL is the index); it reports the doctors checked.`,
  options: {},
  async run(_values, io) {
    const runtime = await openRuntime(cliConfig(io));
    try {
      const bar = progressBar(io, 'reindex', true);
      const started = performance.now();
      const result = await rebuildSearchIndex(
        runtime.ports.uow,
        runtime.ports.search,
        runtime.ports.clock.now(),
        bar.update,
      );
      bar.stop();
      io.out(
        `Search index (${runtime.ports.search.engine}): ${result.indexed} documents written, ${result.removed} stale removed ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
