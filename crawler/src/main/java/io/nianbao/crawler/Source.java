package io.nianbao.crawler;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A website column where an agency publishes its annual reports.
 *
 * @param id            stable identifier (letters, digits, '-'), the key of its crawl status
 * @param province      two-digit province code, the unit by which instances share the work
 * @param division      city, county or town code (4, 6 or 9 digits, within the province) of the agencies the column
 *                      publishes, else null; it places a report whose own words name no place, and breaks a tie
 * @param agency        the one agency whose reports the column lists, else null (a county column listing its
 *                      departments' reports has none); the agency of a report that prints none
 * @param listUrls      first page of each list; later pages are discovered from the page itself
 * @param maxPages      pages followed per list at most (a runaway pagination stops here)
 * @param linkFilter    regex a link's title must contain to be taken as a report; null = {@link #DEFAULT_LINK_FILTER}
 * @param allowedHosts  further hosts the source may link attachments from (the list pages' hosts always are)
 * @param scheduleHours hours between two crawls of this source
 */
public record Source(String id, String name, String province, String division, String agency, List<String> listUrls,
                     int maxPages, String linkFilter, List<String> allowedHosts, int scheduleHours) {
    public static final String DEFAULT_LINK_FILTER = "政府信息公开.{0,8}年度报告|信息公开年报|政务公开.{0,4}年度报告";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Pattern PROVINCE = Pattern.compile("[1-8][0-9]");
    private static final Pattern DIVISION = Pattern.compile("[0-9]{4}|[0-9]{6}|[0-9]{9}");

    public Source {
        listUrls = listUrls == null ? List.of() : List.copyOf(listUrls);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        maxPages = maxPages <= 0 ? 20 : maxPages;
        scheduleHours = scheduleHours <= 0 ? 24 : scheduleHours;
    }

    /** @return the reasons this source cannot be crawled; empty when it is valid */
    public List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must be 1-64 letters, digits or '-' (got " + id + ")");
        }
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        if (province == null || !PROVINCE.matcher(province).matches()) {
            problems.add("province must be a two-digit province code such as 64 (got " + province + ")");
        }
        if (division != null && (!DIVISION.matcher(division).matches() || province == null
                || !division.startsWith(province))) {
            problems.add("division must be a city, county or town code (4, 6 or 9 digits) within the province, such as"
                    + " 640323 (got " + division + ")");
        }
        if (listUrls.isEmpty()) {
            problems.add("listUrls needs at least one list-page URL");
        }
        for (String url : listUrls) {
            try {
                URI uri = URI.create(url);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("list URL " + url + " is not an absolute http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add("list URL " + url + " is malformed: " + e.getMessage());
            }
        }
        if (linkFilter != null) {
            try {
                Pattern.compile(linkFilter);
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.add("linkFilter is not a valid regular expression: " + e.getDescription());
            }
        }
        return problems;
    }

    Pattern linkPattern() {
        return Pattern.compile(Objects.requireNonNullElse(linkFilter, DEFAULT_LINK_FILTER));
    }
}
