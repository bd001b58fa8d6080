/** The bench page: runs worker.ts in a module worker (like the app's training worker) and collects its lines. */
interface BenchWindow {
  benchLines: string[];
  benchDone: boolean;
}

const w = window as unknown as BenchWindow;
w.benchLines = [];
w.benchDone = false;
const out = document.getElementById('out') as HTMLElement;
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (e: MessageEvent<{ line?: string; done?: boolean }>) => {
  if (e.data.line) {
    w.benchLines.push(e.data.line);
    out.textContent = w.benchLines.join('\n');
  }
  if (e.data.done) w.benchDone = true;
};
worker.onerror = (e) => {
  w.benchLines.push(`worker error: ${e.message}`);
  w.benchDone = true;
};
