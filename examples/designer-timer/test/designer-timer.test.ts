import '@sigslot/sd-shim/jest';
import { affinity } from '@sigslot/core';
import { resetDesigner, SDPropertyCategory, type SDValueColorRGBA } from '@sigslot/sd-shim';
import { runExample } from '../src/main';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
});

describe('the Designer "Using threads" example', () => {
  test('QueuedConnection: 7 ticks arrive on the main thread, whose slot legally edits a graph; then finished', async () => {
    const lines: string[] = [];
    const receiver = await runExample({ intervalMs: 10, log: (line) => lines.push(line) });
    expect(lines[0]).toBe('Starting "Timer" (worker #' + lines[0]!.match(/#(\d+)/)![1] + ') with QueuedConnection');
    const ticks = lines.filter((line) => line.startsWith('Tick received'));
    expect(ticks).toHaveLength(7);
    ticks.forEach((line, i) =>
      expect(line).toMatch(
        new RegExp(
          `^Tick received \\(${i + 1}\\) on thread main, emitted by "Timer" \\(worker #\\d+\\); graph "ticks" now has ${i + 1} ${i === 0 ? 'node' : 'nodes'}$`,
        ),
      ),
    );
    expect(lines.at(-1)).toMatch(/^Thread "Timer" \(worker #\d+\) finished; 7 ticks received\.$/);
    // The slot really edited the graph, on the main thread, without a single affinity violation.
    const nodes = [...receiver.graph.getNodes()];
    expect(nodes).toHaveLength(7);
    const color = nodes[6]!.getPropertyValueFromId('outputcolor', SDPropertyCategory.Input) as SDValueColorRGBA;
    expect(color.get().r).toBeCloseTo(1);
    expect(affinity.violations()).toHaveNoAffinityViolations();
  });

  test('BlockingQueuedConnection: each emit in the worker returns only after the slot ran on main', async () => {
    const lines: string[] = [];
    await runExample({ blocking: true, intervalMs: 5, slotWorkMs: 30, log: (line) => lines.push(line) });
    const relevant = lines.filter((line) => line.startsWith('Tick received') || line.includes("the worker's emit"));
    expect(relevant).toHaveLength(14);
    for (let i = 0; i < 7; i++) {
      expect(relevant[2 * i]).toMatch(new RegExp(`^Tick received \\(${i + 1}\\)`));
      const waited = Number(relevant[2 * i + 1]!.match(/tick (\d+) returned after (\d+) ms/)![2]);
      expect(relevant[2 * i + 1]).toContain(`tick ${i + 1} returned`);
      expect(waited).toBeGreaterThanOrEqual(29); // it waited for the slot's 30 ms of work
    }
    expect(affinity.violations()).toHaveNoAffinityViolations();
  });
});
