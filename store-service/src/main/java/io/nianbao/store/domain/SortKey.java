package io.nianbao.store.domain;

/** One field of a listing's order; {@code type} is what a cursor may carry for it. */
public record SortKey(String field, boolean descending, Class<?> type) {
    public static SortKey ascending(String field, Class<?> type) {
        return new SortKey(field, false, type);
    }

    public static SortKey descending(String field, Class<?> type) {
        return new SortKey(field, true, type);
    }
}
