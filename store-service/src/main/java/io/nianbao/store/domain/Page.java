package io.nianbao.store.domain;

import java.util.List;

/** One page of a query's results, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
