/** Where the phone keeps this room's own answers (localStorage): the page checks it before loading the take-home. */
export const takeHomeKey = (room: string): string => `meedoen-antwoorden:${room}`;
