package io.nianbao.parser.extract;

/** A table cell as its document spans it: HTML's rowspan/colspan, Word's vMerge/gridSpan. */
record SpannedCell(String text, int rowspan, int colspan) {
}
