// After: sigslot. One thread hosts the object; the handle is typed from the class.
import { QThread } from '@sigslot/thread';
import { Resizer } from './resizer';

async function main(): Promise<void> {
  const thread = new QThread();
  const resizer = thread.create(Resizer); // Remote<Resizer>
  resizer.progress.connect((percent) => console.log(`progress ${percent}%`));
  thread.start();
  const size = await resizer.resize(640, 480);
  console.log(`resized to ${size}`);
  thread.quit(); // a call still pending when a thread ends is rejected with ThreadTerminatedError
  await thread.wait();
}

void main();
