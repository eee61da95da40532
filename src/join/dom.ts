// The phone's pages build their DOM with the client core's helpers, as the console does.
export { dutch, h, uniqueId } from '../client/dom.ts';
