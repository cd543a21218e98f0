import { Renderer } from './frames';

const renderer = new Renderer();
renderer.width = 2; // set before start(): the worker gets a copy
renderer.frame.connect((pixels, index) => console.log(`frame ${index}: ${pixels.byteLength} bytes`));
renderer.start();
void renderer.wait();
