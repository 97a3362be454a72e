package io.nianbao.store.domain;

/** Which page of a listing, counted from 0. */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** How many results precede this page; saturates instead of overflowing for absurd page numbers. */
    public int offset() {
        return (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }
}
