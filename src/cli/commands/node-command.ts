import { Command } from 'commander';
import { isParleyError, ParleyError } from '../../core/index.js';
import { openNode } from '../../node/index.js';
import { refusalText, t } from '../i18n.js';
import { EXIT, type CommandResult } from './exit-codes.js';

export function nodeCommand(done: (result: CommandResult) => void): Command {
  return new Command('node')
    .description(t('node.description'))
    .requiredOption('--config <file>', t('common.configOption'))
    .action(async (opts: { config: string }) => {
      let node;
      try {
        node = await openNode(opts.config);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(refusalText('node', err));
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
        process.stderr.write(refusalText('node', error));
        return done(EXIT.usage);
      }
      process.stdout.write(t('node.listening', { name: node.config.name, side: node.config.side, url: node.url }) + '\n');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void node.stop().then(resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      process.stdout.write(t('node.stopped', { name: node.config.name }) + '\n');
      done(EXIT.ok);
    });
}
