/** Every `archivist` command, in the order `--help` lists them. */
import type { Command } from '../command';
import { infoCommand } from './info';

export const commands: readonly Command[] = [infoCommand];
