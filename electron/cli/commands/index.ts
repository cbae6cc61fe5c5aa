/** Every `archivist` command, in the order `--help` lists them. */
import type { Command } from '../command';
import { auditCommand } from './audit';
import { compareCommand } from './compare';
import { infoCommand } from './info';
import { invalidateCommand } from './invalidate';
import { reportCommand } from './report';
import { sandboxCommand } from './sandbox';
import { showCommand } from './show';

export const commands: readonly Command[] = [
  infoCommand,
  sandboxCommand,
  showCommand,
  auditCommand,
  compareCommand,
  reportCommand,
  invalidateCommand,
];
