// Writes the fidelity section of the sd-shim README from the code: `npm run fidelity -w @sigslot/sd-shim`.
import * as fs from 'node:fs';
import { README, expectedReadme } from './fidelity-table';

fs.writeFileSync(README, expectedReadme());
console.log(`wrote the fidelity table into ${README}`);
