import './join.css';
import './control.css';
import { ControlApp } from './controlApp.ts';

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`control.html has no #${id}`);
  return found;
};

new ControlApp({
  content: element('content'),
  connection: element('connection'),
  roomCode: element('room-code'),
}).start();
