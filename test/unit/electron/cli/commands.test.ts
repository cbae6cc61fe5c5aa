/**
 * The command list loads each command's module on demand, so its names and summaries are
 * written twice: here they must agree with the modules, or the overview would lie.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../../electron/cli/commands';

describe('the command list', () => {
  it.each(commands.map((entry) => [entry.name, entry]))(
    '%s: the listed name and summary are the loaded command’s',
    async (_name, entry) => {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    },
  );

  it('names every command once', () => {
    const names = commands.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
