import { h } from '../client/dom.ts';
import {
  chooseLanguage,
  direction,
  DUTCH,
  LANGUAGE_NAMES,
  LANGUAGES,
  loadDictionary,
  translate,
  type Language,
  type MessageKey,
} from './i18n.ts';
import { safeLocalStorage } from './participant.ts';

const STORAGE_KEY = 'deck-language';

/**
 * The page's language: chosen once from the browser (or the earlier choice), changed by the switcher.
 * Its words come before the page shows anything (`ready`); another language's, when it is chosen.
 */
export class PageLanguage {
  current: Language = 'nl';
  private dictionary = DUTCH;
  private readonly listeners: (() => void)[] = [];
  /** Settled once the chosen language's words are there (Dutch, if they cannot be fetched). */
  readonly ready: Promise<void>;

  constructor() {
    const storage = safeLocalStorage();
    const chosen = chooseLanguage(storage?.getItem(STORAGE_KEY) ?? null, navigator.languages ?? []);
    this.apply();
    this.ready = this.switchTo(chosen);
  }

  t = (key: MessageKey, values?: Record<string, string | number>): string => translate(this.dictionary, key, values);

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(language: Language): void {
    if (language === this.current) return;
    safeLocalStorage()?.setItem(STORAGE_KEY, language);
    void this.switchTo(language).then(() => {
      for (const listener of this.listeners) listener();
    });
  }

  private async switchTo(language: Language): Promise<void> {
    try {
      this.dictionary = await loadDictionary(language);
      this.current = language;
    } catch {
      // No network for the words: the page stays in the language it has.
    }
    this.apply();
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
