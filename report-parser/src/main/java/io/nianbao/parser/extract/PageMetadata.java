package io.nianbao.parser.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a web page says about itself besides its text: the article meta tags Chinese government sites carry under the
 * national website guidelines (国办发〔2017〕47号; GB/T 42147-2022: {@code ArticleTitle}, {@code PubDate},
 * {@code ContentSource}, {@code SiteName}, {@code ColumnName}, {@code Url} …, with the misspellings seen on real
 * pages), the article heading, and the {@code <title>} split from its column and site suffixes. Empty for documents
 * that are no page.
 *
 * @param titles          candidate titles, the most trustworthy first: the ArticleTitle tag, the parts of
 *                        {@code <title>}, the description tag, then the headings (h1–h3, title-classed blocks); the
 *                        identity reader takes the first that is a report title. Never the name of the column the
 *                        page is in (ColumnName), which the title and a heading of the page may carry too: the
 *                        column of annual reports, 「政府信息公开年报」, reads like a report title naming no agency
 * @param contentSource   the publishing office the page names (ContentSource, or the 「来源：」 line), or null
 * @param siteName        the site's own name (SiteName), or null: a place for the division resolver
 * @param publicationDate the page's publication date (PubDate), ISO-8601, or null
 * @param url             the page's own address (Url), or null
 */
public record PageMetadata(List<String> titles, String contentSource, String siteName, String publicationDate,
        String url) {
    public static final PageMetadata NONE = new PageMetadata(List.of(), null, null, null, null);

    private static final Set<String> TITLE_TAGS = Set.of("articletitle", "title", "dc.title", "og:title");
    private static final Set<String> DESCRIPTION_TAGS = Set.of("description", "desctiption", "dc.description",
            "og:description");
    private static final Set<String> SOURCE_TAGS = Set.of("contentsource", "source", "dc.publisher", "author");
    private static final Set<String> SITE_TAGS = Set.of("sitename", "og:site_name");
    private static final Set<String> COLUMN_TAGS = Set.of("columnname");
    private static final Set<String> DATE_TAGS = Set.of("pubdate", "publishdate", "firstpublishedtime", "dc.date",
            "article:published_time");
    private static final Set<String> URL_TAGS = Set.of("url", "og:url");
    /** Headings a CMS gives the article: h1–h3 and elements whose class or id names a title. */
    private static final String HEADINGS = "h1, h2, h3, [class~=(?i)title], [id~=(?i)title]";
    /** Where a title-like text names some other page. */
    private static final String ELSEWHERE = "a, li, nav, aside";
    /** A heading longer than this is a paragraph that happens to sit in a title-classed block. */
    private static final int MAX_TITLE_LENGTH = 100;
    /** 「…年度报告_政府信息公开年报_某某网站」, 「… - 某某网站」, 「…|某某网站」: the page title's parts. */
    private static final Pattern TITLE_PARTS = Pattern.compile("\\s*(?:[_|｜]|\\s[-—–]\\s)\\s*");
    private static final Pattern SOURCE_LINE = Pattern.compile("(?:来源|发布机构|信息来源)[:：]\\s*(\\S{2,40})");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})[-./年](\\d{1,2})[-./月](\\d{1,2})");

    public PageMetadata {
        titles = List.copyOf(titles);
    }

    static PageMetadata of(Document page) {
        List<String> titles = new ArrayList<>(metaValues(page, TITLE_TAGS));
        for (String part : TITLE_PARTS.split(page.title())) {
            if (!part.isBlank()) {
                titles.add(part.strip());
            }
        }
        titles.addAll(metaValues(page, DESCRIPTION_TAGS));
        // Last, and never a link or a list item: those name other pages (a sidebar's list of other years' reports).
        for (Element heading : page.body().select(HEADINGS)) {
            String text = heading.text().strip();
            boolean namesAnotherPage = heading.is(ELSEWHERE) || heading.parents().is(ELSEWHERE)
                    || !heading.select("a").isEmpty();
            if (!text.isEmpty() && text.length() <= MAX_TITLE_LENGTH && !namesAnotherPage) {
                titles.add(text);
            }
        }
        String source = first(metaValues(page, SOURCE_TAGS));
        if (source == null) {
            Matcher line = SOURCE_LINE.matcher(page.body().text());
            source = line.find() ? line.group(1) : null;
        }
        List<String> columns = metaValues(page, COLUMN_TAGS);
        List<String> ownTitles = titles.stream().distinct().filter(title -> !columns.contains(title)).toList();
        return new PageMetadata(ownTitles, source, first(metaValues(page, SITE_TAGS)),
                isoDate(first(metaValues(page, DATE_TAGS))), first(metaValues(page, URL_TAGS)));
    }

    /** Non-blank contents of the meta tags with one of these names (or properties), in page order. */
    private static List<String> metaValues(Document page, Set<String> names) {
        List<String> values = new ArrayList<>();
        for (Element meta : page.select("meta[content]")) {
            String name = (meta.hasAttr("name") ? meta.attr("name") : meta.attr("property")).strip()
                    .toLowerCase(Locale.ROOT);
            String content = meta.attr("content").strip();
            if (names.contains(name) && !content.isEmpty()) {
                values.add(content);
            }
        }
        return values;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String isoDate(String value) {
        if (value == null) {
            return null;
        }
        Matcher date = DATE.matcher(value);
        if (!date.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))).toString();
        } catch (DateTimeException notADate) {
            return null;
        }
    }
}
