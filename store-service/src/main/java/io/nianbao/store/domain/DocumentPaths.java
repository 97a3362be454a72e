package io.nianbao.store.domain;

import java.util.List;
import java.util.Map;

/** Reads a cell of a stored report by the path the rules name it with, e.g. {@code applications.granted[6]}. */
public final class DocumentPaths {
    private DocumentPaths() {
    }

    /** @return the value, or null when it or anything on the way to it is missing or null */
    public static Object value(Map<String, Object> document, String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            current = current instanceof Map<?, ?> map ? map.get(name) : null;
            if (bracket >= 0) {
                int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
        }
        return current;
    }

    /** The path's top-level field: what a projection must include to read it. */
    public static String root(String path) {
        int end = path.indexOf('.');
        return end < 0 ? path.replaceAll("\\[.*", "") : path.substring(0, end);
    }
}
