package io.nianbao.store.domain;

/** Filters of the report listing; a null filter matches everything. Values are matched literally. */
public record ReportQuery(String provinceCode, Integer year, String agency, PageRequest page) {
}
