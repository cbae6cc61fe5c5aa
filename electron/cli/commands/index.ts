/** Every `archivist` command, in the order `--help` lists them. */
import type { Command } from '../command';
import { auditCommand } from './audit';
import { compareCommand } from './compare';
import { envsCommand } from './envs';
import { infoCommand } from './info';
import { invalidateCommand } from './invalidate';
import { reportCommand } from './report';
import { searchCommand } from './search';
import { sandboxCommand } from './sandbox';
import { showCommand } from './show';

export const commands: readonly Command[] = [
  infoCommand,
  sandboxCommand,
  envsCommand,
  searchCommand,
  showCommand,
  auditCommand,
  compareCommand,
  reportCommand,
  invalidateCommand,
];
