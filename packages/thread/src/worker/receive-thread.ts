import type { Endpoint } from '../endpoint/endpoint';
import type { EmitWait, FromWorker } from '../wire/protocol';

/**
 * For a runtime that gets its thread in a message (a browser worker's `init`, a prepared Node worker's `assign`):
 * calls `onThread` with the first message that `isThread` accepts (others before it are ignored), and gives it
 * the endpoint for the thread's {@link WorkerSide}. Messages after that one are held until the runtime has taken
 * the calls the first one carried (it then posts "started", or "finished"), and handed over in order from the
 * worker's event loop: nothing the main side sends early is lost, and none overtakes a call made before start().
 */
export function receiveThread(
  endpoint: Endpoint,
  isThread: (message: unknown) => boolean,
  onThread: (message: unknown, sideEndpoint: Endpoint) => void,
): void {
  let assigned = false;
  let held: unknown[] | null = [];
  let deliver: (message: unknown) => void = () => undefined;
  const release = (): void => {
    if (!held) return;
    for (const message of held) deliver(message);
    held = null;
  };
  const sideEndpoint: Endpoint = {
    postMessage: (message, transfer) => {
      endpoint.postMessage(message, transfer);
      const type = (message as Exclude<FromWorker, EmitWait>).type; // undefined for an emit-wait (an array)
      if (type === 'started' || type === 'finished') setTimeout(release);
    },
    onMessage: (handler) => void (deliver = handler),
  };
  endpoint.onMessage((message) => {
    if (assigned) {
      if (held) held.push(message);
      else deliver(message);
      return;
    }
    if (!isThread(message)) return;
    assigned = true;
    onThread(message, sideEndpoint);
  });
}
