package io.nianbao.store.rest;

import java.util.regex.Pattern;

import io.nianbao.store.domain.PageRequest;

/** Reads the listings' query parameters; an absent or empty one is no filter, an invalid one a 400. */
final class QueryParameters {
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private QueryParameters() {
    }

    static PageRequest page(String page, String size) {
        int pageNumber = isAbsent(page) ? 0 : wholeNumber("page", page);
        if (pageNumber < 0) {
            throw ApiException.invalidParameter("page", "must be 0 or more (pages count from 0), was " + page);
        }
        int pageSize = isAbsent(size) ? PageRequest.DEFAULT_SIZE : wholeNumber("size", size);
        if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
            throw ApiException.invalidParameter("size",
                    "must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    static Integer year(String year) {
        return isAbsent(year) ? null : wholeNumber("year", year);
    }

    static String province(String province) {
        if (isAbsent(province)) {
            return null;
        }
        if (!PROVINCE_CODE.matcher(province).matches()) {
            throw ApiException.invalidParameter("province", "must be a two-digit province code such as 64, was " + province);
        }
        return province;
    }

    /** A value matched literally (agency, report id). */
    static String text(String value) {
        return isAbsent(value) ? null : value;
    }

    private static int wholeNumber(String name, String value) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw ApiException.invalidParameter(name, "must be a whole number, was " + value);
        }
        return Integer.parseInt(value);
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isEmpty();
    }
}
