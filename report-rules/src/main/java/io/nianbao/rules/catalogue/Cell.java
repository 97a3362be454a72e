package io.nianbao.rules.catalogue;

/** One value of a report at its canonical path ({@code applications.granted[6]}); null when it was not read. */
record Cell(String path, Integer value) {

    boolean unread() {
        return value == null;
    }
}
