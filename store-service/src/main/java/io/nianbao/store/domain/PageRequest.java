package io.nianbao.store.domain;

/**
 * Which part of a listing: the items after {@code cursor} when there is one (stable while documents are
 * added), else page {@code page} counted from 0.
 */
public record PageRequest(int page, int size, Cursor cursor) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** How many results precede this page; saturates instead of overflowing for absurd page numbers. */
    public int offset() {
        return cursor != null ? 0 : (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }
}
