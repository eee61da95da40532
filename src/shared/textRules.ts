// What participant text may hold, for the server (which refuses) and the phone (which checks before it
// sends): nothing that makes text look like something else. Free of libraries, so the phone can use it.
//
// Refused: the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they reorder what the
// screen shows, "Trojan Source"); invisible characters (every default-ignorable code point, such as the
// zero-width space U+200B, the word joiner U+2060 and U+FEFF), except the few that real text needs;
// lone surrogates; and more than four combining marks in a row ("Zalgo" text that spills over lines).
// Allowed: the direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C: phones type them in mixed
// Arabic and Latin text, and a mark cannot reorder letters), the soft hyphen, the combining grapheme
// joiner and variation selectors; the zero-width joiner inside an emoji (👩‍💻) and the tags of a flag
// (🏴󠁧󠁢󠁳󠁣󠁴󠁿); the zero-width (non-)joiner between letters of Arabic script and the scripts of
// India, where spelling needs it (Persian می‌خواهم).

/** Joiners and selectors where an emoji or a script needs them: part of what the text looks like. */
const NEEDED_JOINERS = [
  // An emoji ZWJ sequence: pictograph (with its presentation selector or skin tone), ZWJ, pictograph.
  '(?<=\\p{Extended_Pictographic}(?:\\uFE0F|[\\u{1F3FB}-\\u{1F3FF}])?)\\u200D(?=\\p{Extended_Pictographic})',
  // A presentation selector after a pictograph or a keycap's digit (1️⃣).
  '(?<=[\\p{Extended_Pictographic}#*0-9])(?:\\uFE0E|\\uFE0F)',
  // The tags of a subdivision flag, after the black flag.
  '(?<=\\u{1F3F4}[\\u{E0020}-\\u{E007E}]*)[\\u{E0020}-\\u{E007F}]',
  // ZWNJ and ZWJ between letters of a script whose spelling uses them.
  '(?<=[\\p{sc=Arabic}\\p{sc=Syriac}\\p{sc=Devanagari}\\p{sc=Bengali}\\p{sc=Gurmukhi}\\p{sc=Gujarati}' +
    '\\p{sc=Oriya}\\p{sc=Tamil}\\p{sc=Telugu}\\p{sc=Kannada}\\p{sc=Malayalam}\\p{sc=Sinhala}]\\p{M}*)' +
    '(?:\\u200C|\\u200D)(?=\\p{L})',
].join('|');
const NEEDED_JOINER = new RegExp(NEEDED_JOINERS, 'gu');
/** Tries the needed joiners first at each place; what is left over as default-ignorable is group 1. */
const STRAY_IGNORABLE = new RegExp(`${NEEDED_JOINERS}|(\\p{Default_Ignorable_Code_Point})`, 'gu');

/** Default-ignorable characters that real text carries and that cannot disguise it. */
const HARMLESS_IGNORABLE = /\u034F|[\u00AD\u061C\u200E\u200F]|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** More combining marks in a row than any script writes on one letter. */
const MARK_RUN = /\p{M}{5,}/u;

export type TextProblem = 'bidi-control' | 'invisible' | 'lone-surrogate' | 'mark-run';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** Why `text` may not be an answer, or null when it may. */
export function textProblem(text: string): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  if (BIDI_CONTROL.test(text)) return 'bidi-control';
  if (IGNORABLE.test(text.replace(NEEDED_JOINER, '').replace(HARMLESS_IGNORABLE, ''))) return 'invisible';
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
  return compatible.replace(STRAY_IGNORABLE, (match, stray: string | undefined) => (stray ? '' : match));
}
