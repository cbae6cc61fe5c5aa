/**
 * The compare worker's stage messages: posted in order as each step starts, checked before main
 * passes them on, and a malformed one is dropped without ending the comparison or taking main
 * down (supervise-compare.ts, with stand-in workers so the messages can be anything).
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { handleCompareRequest } from '../../../../../electron/services/compare/compare-worker-protocol';
import { CompareWorkerSession } from '../../../../../electron/services/compare/compare-worker-session';
import {
  isStageMessage,
  type CompareWorkerStage,
} from '../../../../../electron/services/compare/compare-worker-stages';
import { superviseCompare } from '../../../../../electron/services/compare/supervise-compare';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import { leftXml, rightXml } from '../report/report-fixture-documents';

const bytes = (text: string) => new TextEncoder().encode(text);
const request = { id: 9, left: bytes(leftXml), right: bytes(rightXml), profile: noIgnoreProfile };
const comparing: CompareWorkerStage[] = [
  'metadata',
  'canonical',
  'lineDiff',
  'contentChanges',
  'changeList',
];

describe('the compare worker’s stages', () => {
  it('are told in order as each step starts: both reads, the comparison, the narrative', () => {
    const stages: CompareWorkerStage[] = [];
    const answer = handleCompareRequest({ ...request, narrative: true }, (s) => stages.push(s));
    expect(answer.result.ok).toBe(true);
    expect(stages).toEqual([
      'reading-left',
      'left-read',
      'reading-right',
      'right-read',
      ...comparing,
      'narrative',
    ]);
  });

  it('stop at the side that cannot be read, and leave out the narrative unless asked', () => {
    const stages: CompareWorkerStage[] = [];
    handleCompareRequest({ ...request, right: bytes('<broken') }, (s) => stages.push(s));
    expect(stages).toEqual(['reading-left', 'left-read', 'reading-right', 'right-read']);
    stages.length = 0;
    handleCompareRequest(request, (s) => stages.push(s));
    expect(stages).toEqual([
      'reading-left',
      'left-read',
      'reading-right',
      'right-read',
      ...comparing,
    ]);
  });

  it('are told by a session reading the left side while a helper reads the right one', () => {
    const stages: CompareWorkerStage[] = [];
    const session = new CompareWorkerSession();
    const waiting = { ...request, right: 'read-elsewhere' as const };
    expect(session.handle(waiting, (s) => stages.push(s))).toBeUndefined();
    expect(stages).toEqual(['reading-left', 'left-read']);
    const helper = new CompareWorkerSession();
    const helperStages: CompareWorkerStage[] = [];
    const read = helper.handle(
      { id: 9, kind: 'read-side', bytes: bytes(rightXml), side: 'right' },
      (s) => helperStages.push(s),
    );
    // The helper tells nothing: main knows when it asked it and when it answered.
    expect(helperStages).toEqual([]);
    session.handle({ id: 9, kind: 'right-side', result: read?.message.result }, (s) =>
      stages.push(s),
    );
    expect(stages).toEqual(['reading-left', 'left-read', ...comparing]);
  });
});

describe('isStageMessage', () => {
  it('accepts a known stage of the running comparison', () => {
    expect(isStageMessage({ id: 3, kind: 'stage', stage: 'canonical' }, 3)).toBe(true);
    expect(isStageMessage({ id: 3, kind: 'stage', stage: 'reading-right' }, 3)).toBe(true);
  });

  it('refuses another comparison’s stage, an unknown stage, a non-string and an inherited name', () => {
    expect(isStageMessage({ id: 4, kind: 'stage', stage: 'canonical' }, 3)).toBe(false);
    expect(isStageMessage({ id: 3, kind: 'stage', stage: 'percent-50' }, 3)).toBe(false);
    expect(isStageMessage({ id: 3, kind: 'stage', stage: 7 }, 3)).toBe(false);
    expect(isStageMessage({ id: 3, kind: 'stage', stage: 'toString' }, 3)).toBe(false);
    expect(isStageMessage({ id: 3, stage: 'canonical' }, 3)).toBe(false);
    expect(isStageMessage(null, 3)).toBe(false);
  });
});

/** A stand-in worker: records what it is sent, and says what a test makes it say. */
class ScriptedWorker extends EventEmitter {
  readonly sent: unknown[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  say(message: unknown): void {
    this.emit('message', message);
  }
}

const answer = { id: 9, result: { ok: true, value: { result: 'compared' } } };

function supervise(onStage: (stage: CompareWorkerStage) => void) {
  const worker = new ScriptedWorker();
  const outcome = superviseCompare(
    { compare: worker as unknown as Worker, request, onStage },
    60_000,
    1536,
  );
  return { worker, outcome };
}

describe('superviseCompare with stage messages', () => {
  it('passes on well-formed stages and drops malformed ones, and the answer still decides', async () => {
    const stages: CompareWorkerStage[] = [];
    const { worker, outcome } = supervise((stage) => stages.push(stage));
    worker.say({ id: 9, kind: 'stage', stage: 'reading-left' });
    worker.say({ id: 9, kind: 'stage', stage: '<script>' });
    worker.say({ id: 8, kind: 'stage', stage: 'canonical' });
    worker.say({ kind: 'stage' });
    worker.say({ id: 9, kind: 'stage', stage: 'canonical' });
    worker.say(answer);
    const { result, reusable } = await outcome;
    expect(stages).toEqual(['reading-left', 'canonical']);
    expect(result).toEqual(answer.result);
    expect(reusable).toEqual([worker]);
  });

  it('keeps comparing when the stage listener throws', async () => {
    const { worker, outcome } = supervise(() => {
      throw new Error('the window is gone');
    });
    expect(() => worker.say({ id: 9, kind: 'stage', stage: 'metadata' })).not.toThrow();
    worker.say(answer);
    expect((await outcome).result).toEqual(answer.result);
  });

  it('still refuses a message that is neither a stage nor an answer', async () => {
    const { worker, outcome } = supervise(() => undefined);
    worker.say({ id: 9, result: 'not a result' });
    expect((await outcome).result).toMatchObject({
      ok: false,
      error: { code: 'compare-resources' },
    });
  });
});
