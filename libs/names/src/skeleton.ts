/**
 * Folds a reading in the pre-skeleton alphabet (see `letters.ts`) to its key. The rules undo what
 * differs between schemes once letters are mapped, in this order:
 *
 * 1. Runs of one letter collapse first, so that rules see single letters (French Beloousov).
 * 2. `io` → `e`: ё is yo, jo, io, ë or plain e (ICAO); folding it onto е also folds ё/е in Cyrillic.
 * 3. `i` before a vowel is dropped: the glide of я ю є ї (ya, ja, ia, â), й before a vowel, Polish
 *    softness (Siemionow, Jewgienij), BGN ye at the start of a word (Yevgeniy).
 * 4. `oe` → `o`, `ue` → `u`: German umlaut spellings of ө and ү (Toelegen, Tuerkmen).
 * 5. `t` or `d` before `s` or `c` is dropped: ts, tz, tsch, tch, dzh, dsch, dż are ц, ч, дж.
 * 6. `vo` at the start → `o`: Armenian ո is vo at the start of a word in Latin (Voskan / Оскан).
 * 7. Runs of one letter collapse: ss, nn, ii (Iurii, -ий), and a doubled letter typed by mistake.
 */
export function skeleton(reading: string): string {
  return collapseRuns(reading)
    .replace(/io/g, 'e')
    .replace(/i+(?=[aeiou])/g, '')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[td]+(?=[sc])/g, '')
    .replace(/^vo/, 'o')
    .replace(/(.)\1+/gu, '$1');
}

/** `ss` → `s`, `iii` → `i`: runs of one letter become one. */
export function collapseRuns(text: string): string {
  return text.replace(/(.)\1+/gu, '$1');
}
