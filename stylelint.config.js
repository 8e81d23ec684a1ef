/** Stylelint: the standard config, which also rejects CSS that does not parse (an unclosed block). */
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    // Off: it wants rules ordered by specificity across the whole sheet and compares only the
    // last element of each selector, so `.status-error button { padding }` after
    // `button:hover:not(:disabled) { background }` is an error although the two set different
    // properties. Obeying it would scatter each component's rules through the sheet by
    // specificity rather than keeping them together.
    'no-descending-specificity': null,
  },
};
