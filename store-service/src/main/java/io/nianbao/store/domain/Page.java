package io.nianbao.store.domain;

import java.util.List;

/** One page of a query's results, how many there are in all, and where the next page starts (null: none). */
public record Page<T>(List<T> items, int page, int size, long total, String nextCursor) {
}
