import { Command } from 'commander';
import { isParleyError, ParleyError } from '../../core/index.js';
import { openNode } from '../../node/index.js';
import { EXIT, type CommandResult } from './exit-codes.js';

export function nodeCommand(done: (result: CommandResult) => void): Command {
  return new Command('node')
    .description('Run a node from its configuration (see `parley init`). SIGTERM or Ctrl-C stops it gracefully: in-flight requests finish, storage closes cleanly.')
    .requiredOption('--config <file>', "the node's configuration file (DATA/parley.json)")
    .action(async (opts: { config: string }) => {
      let node;
      try {
        node = await openNode(opts.config);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley node: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        return done(EXIT.usage);
      }
      try {
        await node.start();
      } catch (err) {
        await node.stop();
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
        const { host, port } = node.config.listen;
        const error = new ParleyError('E_PORT_IN_USE', `${host}:${port} cannot be listened on (${code}); another program holds it or the port needs privileges.`);
        process.stderr.write(`parley node: ${error.code}: ${error.message}\n  ${error.hint}\n`);
        return done(EXIT.usage);
      }
      process.stdout.write(`Node ${node.config.name} (${node.config.side}) listening on ${node.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void node.stop().then(resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      process.stdout.write(`Node ${node.config.name} stopped.\n`);
      done(EXIT.ok);
    });
}
