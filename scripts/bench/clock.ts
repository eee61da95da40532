// Milliseconds on CLOCK_MONOTONIC (process.hrtime): one clock for every process on the machine, so
// times taken by the presenter's process and by the participants' can be compared directly.
export const clockMs = (): number => Number(process.hrtime.bigint()) / 1e6;
