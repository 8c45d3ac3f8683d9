// The task registry on its own: what work/status says while a task runs, and how a cancel stops it.
import { describe, expect, it } from 'vitest';
import { runSteps, runStepsWith, within, type BuildStep } from './steps.js';
import { WorkCancelledError, activeCheckpoint, asWork, workRegistry } from './work.js';

function* threeSteps(log: string[]): Generator<BuildStep, string> {
  log.push('a');
  yield ['reading', 0.25];
  log.push('b');
  yield ['facts', 0.5];
  log.push('c');
  yield ['tables', 1];
  return 'built';
}

describe('work registry', () => {
  it('reports phase, fraction and an ETA from the rate so far, and forgets a task once it ends', async () => {
    let clock = 1000;
    const work = workRegistry({ now: () => clock });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done = work.run('model', async (checkpoint) => {
      clock += 400;
      await checkpoint('money', 0.2);
      await gate;
      return 42;
    });
    await Promise.resolve();
    // 400 ms for 20 %: the remaining 80 % at the same rate is 1600 ms.
    expect(work.status()).toEqual([{ id: 1, kind: 'model', phase: 'money', fraction: 0.2, elapsedMs: 400, etaMs: 1600, cancelling: false }]);
    release();
    expect(await done).toBe(42);
    expect(work.status()).toEqual([]);
  });

  it('gives no ETA before 5 % and never lets the fraction go back', async () => {
    let clock = 0;
    const work = workRegistry({ now: () => clock });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done = work.run('export', async (checkpoint) => {
      await checkpoint('computing', 0.04);
      clock = 50;
      await checkpoint('writing', 0.03); // a later step that reports less keeps the 4 % already shown
      await gate;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(work.status()[0]).toMatchObject({ phase: 'writing', fraction: 0.04, elapsedMs: 50, etaMs: null });
    release();
    await done;
  });

  it('stops a cancelled task at its next checkpoint, with code cancelled, and only tasks of the kind asked', async () => {
    const work = workRegistry({ stepDelayMs: 1 });
    const log: string[] = [];
    const model = work.run('model', (checkpoint) => runStepsWith(threeSteps(log), checkpoint));
    const exportDone = work.run('export', async (checkpoint) => {
      await checkpoint('computing', 0);
      return 'file';
    });
    expect(work.cancel('model')).toBe(1);
    expect(work.status().map((t) => [t.kind, t.cancelling])).toEqual([['model', true], ['export', false]]);
    await expect(model).rejects.toBeInstanceOf(WorkCancelledError);
    await expect(model).rejects.toMatchObject({ code: 'cancelled' });
    expect(log).toEqual(['a']); // the first step ran before the cancel; nothing after it
    expect(await exportDone).toBe('file');
    expect(work.cancel()).toBe(0);
  });

  it('runs the same steps straight through, and scales a part into the whole', () => {
    const log: string[] = [];
    expect(runSteps(threeSteps(log))).toBe('built');
    expect(log).toEqual(['a', 'b', 'c']);
    const seen: number[] = [];
    const scaled = within(threeSteps([]), 0.2, 0.6);
    for (let n = scaled.next(); !n.done; n = scaled.next()) seen.push(Number(n.value[1].toFixed(3)));
    expect(seen).toEqual([0.3, 0.4, 0.6]);
  });

  it('runs export calls as export tasks that the writer can report to, and leaves other calls alone', async () => {
    const work = workRegistry();
    const phases: string[] = [];
    const handlers = asWork(
      {
        'export/pivot': async () => {
          phases.push(...work.status().map((t) => `${t.kind}:${t.phase}`));
          await activeCheckpoint()('writing', 0.5);
          phases.push(...work.status().map((t) => `${t.kind}:${t.phase}:${t.fraction}`));
          return 'bytes';
        },
        'query/pivot': async () => work.status().length,
      },
      work,
    );
    expect(await handlers['export/pivot']()).toBe('bytes');
    expect(phases).toEqual(['export:computing', 'export:writing:0.5']);
    expect(await handlers['query/pivot']()).toBe(0);
  });
});
