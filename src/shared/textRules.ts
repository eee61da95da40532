// What participant text may hold, for the server (which refuses) and the phone (which checks before it
// sends): nothing that makes text look like something else. Free of libraries, so the phone can use it;
// without regular-expression lookbehind, which Safari before 16.4 cannot parse.
//
// Refused: the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they reorder what the
// screen shows, "Trojan Source"); invisible characters (every default-ignorable code point, such as the
// zero-width space U+200B, the word joiner U+2060 and U+FEFF), except the few that real text needs;
// lone surrogates; and more than four combining marks in a row ("Zalgo" text that spills over lines).
// Allowed: the direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C: phones type them in mixed
// Arabic and Latin text, and a mark cannot reorder letters), the soft hyphen, the combining grapheme
// joiner and variation selectors; the zero-width joiner inside an emoji (👩‍💻) and the tags of a flag;
// the zero-width (non-)joiner between letters of Arabic script and the scripts of India, where spelling
// needs it (Persian می‌خواهم).

export type TextProblem = 'bidi-control' | 'invisible' | 'lone-surrogate' | 'mark-run';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** More combining marks in a row than any script writes on one letter. */
const MARK_RUN = /\p{M}{5,}/u;
/** Default-ignorable characters that real text carries and that cannot disguise it. */
const HARMLESS = /^(?:\u034F|[\u00AD\u061C\u200E\u200F]|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}])$/u;

/** An emoji's base (ES2018's `Emoji`, which older Safari knows, without the keycap characters). */
const isPictograph = (char: string): boolean => /^\p{Emoji}$/u.test(char) && !KEYCAP_BASE.test(char);
const KEYCAP_BASE = /^[#*0-9]$/;
const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;
/** Scripts whose spelling uses the zero-width (non-)joiner between letters. */
const JOINING_SCRIPT =
  /^[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}]$/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const isPresentationSelector = (char: string): boolean => char === '\uFE0E' || char === '\uFE0F';
const inRange = (char: string, first: number, last: number): boolean => {
  const code = char.codePointAt(0) ?? -1;
  return code >= first && code <= last;
};
const isSkinTone = (char: string): boolean => inRange(char, 0x1f3fb, 0x1f3ff);
const isTag = (char: string): boolean => inRange(char, 0xe0020, 0xe007f);
const BLACK_FLAG = '\u{1F3F4}';

/**
 * Whether the invisible character at `k` (in code points) belongs to what the text looks like: a ZWJ
 * between two pictographs, a presentation selector after a pictograph or a keycap's digit, the tags
 * after the black flag, or a (non-)joiner between letters of a script that spells with it.
 */
function isNeededJoiner(chars: string[], k: number): boolean {
  const char = chars[k] ?? '';
  const next = chars[k + 1] ?? '';
  if (isPresentationSelector(char)) return isPictograph(chars[k - 1] ?? '') || KEYCAP_BASE.test(chars[k - 1] ?? '');
  if (isTag(char)) {
    let start = k;
    while (start > 0 && isTag(chars[start - 1] ?? '')) start--;
    return chars[start - 1] === BLACK_FLAG;
  }
  if (char !== ZWJ && char !== ZWNJ) return false;
  let before = k - 1;
  if (char === ZWJ) {
    const emojiBase =
      isPresentationSelector(chars[before] ?? '') || isSkinTone(chars[before] ?? '') ? before - 1 : before;
    if (isPictograph(chars[emojiBase] ?? '') && isPictograph(next)) return true;
  }
  while (before > 0 && MARK.test(chars[before] ?? '')) before--;
  return JOINING_SCRIPT.test(chars[before] ?? '') && LETTER.test(next);
}

/** Why `text` may not be an answer, or null when it may. */
export function textProblem(text: string): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  if (BIDI_CONTROL.test(text)) return 'bidi-control';
  if (IGNORABLE.test(text)) {
    const chars = [...text];
    const hidden = chars.some((char, k) => IGNORABLE.test(char) && !HARMLESS.test(char) && !isNeededJoiner(chars, k));
    if (hidden) return 'invisible';
  }
  if (MARK_RUN.test(text)) return 'mark-run';
  return null;
}

/**
 * A word as the word cloud compares it: NFKC (full-width ｗｅｒｋ and ligatures become plain letters) and
 * without invisible characters (a soft hyphen, a stray selector), so look-alikes count as one word.
 */
export function wordForm(text: string): string {
  const compatible = text.normalize('NFKC');
  if (!IGNORABLE.test(compatible)) return compatible;
  const chars = [...compatible];
  return chars.filter((char, k) => !IGNORABLE.test(char) || isNeededJoiner(chars, k)).join('');
}
