import './join.css';
import { JoinApp } from './joinApp.ts';
import { PageLanguage } from './language.ts';

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`join.html has no #${id}`);
  return found;
};

const language = new PageLanguage();
// The page shows nothing before its words are there: a phone in English or Arabic never flashes Dutch.
void language.ready.then(() => {
  element('top').append(language.switcher());
  new JoinApp(
    {
      content: element('content'),
      results: element('results'),
      connection: element('connection'),
      announcer: element('announcer'),
      roomCode: element('room-code'),
      countdown: element('countdown'),
    },
    language,
  ).start();
});
