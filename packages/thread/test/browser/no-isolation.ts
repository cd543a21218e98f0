// A page served without the COOP/COEP headers: SharedArrayBuffer does not exist, and creating a thread says why.
import { Timer } from './threads';

let error = 'no error';
try {
  new Timer();
} catch (thrown) {
  error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
}
const report = { crossOriginIsolated, error };
document.getElementById('out')!.textContent = `crossOriginIsolated: ${crossOriginIsolated}\nnew Timer() -> ${error}`;
(window as unknown as { __isolation: typeof report }).__isolation = report;
