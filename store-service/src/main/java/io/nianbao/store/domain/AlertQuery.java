package io.nianbao.store.domain;

/** Filters of the alert listing; a null filter matches everything. Values are matched literally. */
public record AlertQuery(String reportId, String provinceCode, Integer year, PageRequest page) {
}
