package io.nianbao.store.rest;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriInfo;

import io.nianbao.store.domain.Cursor;
import io.nianbao.store.domain.PageRequest;
import io.nianbao.store.domain.SortKey;

/** Reads the listings' query parameters; an absent or empty one is no filter, an invalid one a 400. */
final class QueryParameters {
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern CITY_CODE = Pattern.compile("\\d{4}|\\d{6}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    /** The first reports cover 2008, the year the disclosure regulations took effect. */
    private static final int FIRST_YEAR = 2008;
    private static final int LAST_YEAR = 2100;
    /** Longer is no agency name, and an unanchored match over a long text is costly. */
    static final int MAX_TEXT_LENGTH = 100;
    static final Set<String> PAGING = Set.of("page", "size", "cursor");
    private static final Set<String> TEMPLATES = Set.of("2019", "2021");
    private static final Set<String> STATUSES = Set.of("consistent", "errors", "warnings", "needsReview");
    private static final Set<String> SEVERITIES = Set.of("ERROR", "WARN", "INFO");

    private QueryParameters() {
    }

    static PageRequest page(String page, String size, String cursor, List<SortKey> order) {
        int pageNumber = isAbsent(page) ? 0 : wholeNumber("page", page);
        if (pageNumber < 0) {
            throw ApiException.invalidParameter("page", "must be 0 or more (pages count from 0), was " + page);
        }
        int pageSize = isAbsent(size) ? PageRequest.DEFAULT_SIZE : wholeNumber("size", size);
        if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
            throw ApiException.invalidParameter("size",
                    "must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size);
        }
        if (isAbsent(cursor)) {
            return new PageRequest(pageNumber, pageSize, null);
        }
        if (pageNumber != 0) {
            throw ApiException.invalidParameter("page", "cannot be combined with cursor (the cursor says where the page starts)");
        }
        try {
            return new PageRequest(0, pageSize, Cursor.decode(cursor, order));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("cursor", e.getMessage());
        }
    }

    static Integer year(String year) {
        if (isAbsent(year)) {
            return null;
        }
        int value = wholeNumber("year", year);
        if (value < FIRST_YEAR || value > LAST_YEAR) {
            throw ApiException.invalidParameter("year",
                    "must be the year reported on, from " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year);
        }
        return value;
    }

    static String province(String province) {
        return code("province", province, PROVINCE_CODE, "a two-digit province code such as 64");
    }

    static String city(String city) {
        return code("city", city, CITY_CODE, "a four- or six-digit city code such as 6403");
    }

    static String county(String county) {
        return code("county", county, COUNTY_CODE, "a six-digit county code such as 640323");
    }

    static String template(String template) {
        return oneOf("template", template, TEMPLATES);
    }

    static String status(String status) {
        return oneOf("status", status, STATUSES);
    }

    static String severity(String severity) {
        return oneOf("severity", severity, SEVERITIES);
    }

    /** A value matched literally (agency, report id, rule id). */
    static String text(String name, String value) {
        if (isAbsent(value)) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw ApiException.invalidParameter(name,
                    "must be at most " + MAX_TEXT_LENGTH + " characters, was " + value.length());
        }
        return value;
    }

    /** A parameter the endpoint does not know is a 400, not ignored: a misspelt filter would match everything. */
    static void requireKnown(UriInfo uri, Set<String> known) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalidParameter(name,
                        "is not a parameter of this endpoint; it takes " + known.stream().sorted().toList());
            }
        }
    }

    private static String code(String name, String value, Pattern pattern, String what) {
        if (isAbsent(value)) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw ApiException.invalidParameter(name, "must be " + what + ", was " + value);
        }
        return value;
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        if (isAbsent(value)) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalidParameter(name, "must be one of " + allowed.stream().sorted().toList() + ", was " + value);
        }
        return value;
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
