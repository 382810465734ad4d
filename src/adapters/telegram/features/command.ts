import { Composer, type Context } from 'grammy';
import { COMMAND_INPUTS } from '../commands.js';
import type { Deliver } from '../deliver.js';

/** /start, /menu, /status, /petugas, /batal, /bahasa, /bantuan (also with @botname) as engine commands. */
export function commandFeature(deliver: Deliver): Composer<Context> {
  const composer = new Composer();
  composer.command(Object.keys(COMMAND_INPUTS), async (ctx, next) => {
    const name = ctx.msg.text.slice(1).split(/[@\s]/)[0]?.toLowerCase() ?? '';
    const command = COMMAND_INPUTS[name];
    if (command === undefined) return next();
    await deliver(ctx, { kind: 'command', command });
  });
  return composer;
}
