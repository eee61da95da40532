// The remote control's files still import the DOM helpers from here; they live in src/client/dom.ts.
export { dutch, h, uniqueId } from '../client/dom.ts';
