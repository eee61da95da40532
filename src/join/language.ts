import { h } from '../client/dom.ts';
import {
  chooseLanguage,
  direction,
  LANGUAGE_NAMES,
  LANGUAGES,
  translate,
  type Language,
  type MessageKey,
} from './i18n.ts';
import { safeLocalStorage } from './participant.ts';

const STORAGE_KEY = 'deck-language';

/** The page's language: chosen once from the browser (or the earlier choice), changed by the switcher. */
export class PageLanguage {
  current: Language;
  private readonly listeners: (() => void)[] = [];

  constructor() {
    const storage = safeLocalStorage();
    this.current = chooseLanguage(storage?.getItem(STORAGE_KEY) ?? null, navigator.languages ?? []);
    this.apply();
  }

  t = (key: MessageKey, values?: Record<string, string | number>): string => translate(this.current, key, values);

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(language: Language): void {
    if (language === this.current) return;
    this.current = language;
    safeLocalStorage()?.setItem(STORAGE_KEY, language);
    this.apply();
    for (const listener of this.listeners) listener();
  }

  /** Buttons with each language's own name; the chosen one is marked pressed. */
  switcher(): HTMLElement {
    const nav = h('nav', { class: 'languages', 'aria-label': this.t('languageMenu') });
    const buttons = LANGUAGES.map((language) => {
      const button = h(
        'button',
        { type: 'button', lang: language, dir: direction(language) },
        LANGUAGE_NAMES[language],
      );
      button.addEventListener('click', () => this.set(language));
      nav.append(button);
      return { language, button };
    });
    const mark = (): void => {
      nav.setAttribute('aria-label', this.t('languageMenu'));
      for (const { language, button } of buttons)
        button.setAttribute('aria-pressed', String(language === this.current));
    };
    mark();
    this.onChange(mark);
    return nav;
  }

  private apply(): void {
    const root = document.documentElement;
    root.lang = this.current;
    root.dir = direction(this.current);
    document.title = this.t('pageTitle');
  }
}
