package io.nianbao.crawler;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading list pages and article pages as the common government CMSs (TRS, Hanweb, VSB …) write them. */
final class CmsPages {
    /** A link on a list page: where, what it is called, and the date printed beside it. */
    record Listed(URI url, String title, String date) {
    }

    static final Set<String> DOCUMENT_KINDS = Set.of("pdf", "doc", "docx", "wps", "ofd");
    private static final Pattern DATE = Pattern.compile("(20\\d{2})[-年./](\\d{1,2})[-月./](\\d{1,2})");
    /** TRS: {@code createPageHTML(5, 0, "index", "html")} — five pages, index.html then index_1.html …. */
    private static final Pattern TRS_PAGES = Pattern.compile("createPageHTML\\(\\s*(\\d+)\\s*,\\s*\\d+\\s*,\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"']");
    private static final Pattern META_REFRESH_URL = Pattern.compile("url\\s*=\\s*['\"]?([^'\";]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z]{3,4})(?:$|[?#])");
    /** Report body containers of the usual CMSs; the first one present holds the article. */
    private static final String CONTAINERS = "#zoom, .TRS_Editor, .Custom_UnionStyle, #ivs_content, .webeditorview, "
            + ".article-content, .xxgk_content, .zw-content, article";
    /** Below this many characters of body text an article page is only a wrapper around its attachments. */
    static final int MIN_REPORT_TEXT = 300;
    /** Hanweb keeps list records in {@code <script type="text/xml">} and CDATA, out of an HTML parser's sight. */
    private static final Pattern XML_SCRIPT = Pattern.compile("(?is)<script[^>]*type\\s*=\\s*[\"']?text/xml[\"']?[^>]*>(.*?)</script>");
    private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[(.*?)]]>");
    /** Hanweb's record count and page size, as the datastore's element or the jpage script's settings. */
    private static final Pattern TOTAL_RECORDS = Pattern.compile("(?i)totalrecord\\s*(?:>|[:=]\\s*[\"']?)\\s*(\\d+)");
    private static final Pattern PER_PAGE = Pattern.compile("(?i)perpage\\s*(?:>|[:=]\\s*[\"']?)\\s*(\\d+)");
    /** jpage.js asks dataproxy.jsp for three pages of records at a time. */
    private static final int HANWEB_PAGES_PER_REQUEST = 3;
    private static final int HANWEB_DEFAULT_PER_PAGE = 15;
    private static final Set<String> HANWEB_RANGE_PARAMS = Set.of("page", "startrecord", "endrecord", "perpage");
    /** {@code ?page=N} and its cousins, and the 共N页 a pager shows when its buttons are script-only. */
    private static final Pattern PAGE_PARAM = Pattern.compile("(?i)([?&](?:page|pageno|pagenum|pageindex|curpage|currentpage)=)(\\d+)");
    private static final Pattern PAGE_COUNT = Pattern.compile("共\\s*(\\d{1,4})\\s*页");
    /** Traditional-Chinese mirrors of a site's pages (/gate/big5/…): the same reports again, in other bytes. */
    private static final String BIG5_GATE = "/gate/big5/";

    private CmsPages() {
    }

    static Document parse(String html, URI base) {
        String visible = XML_SCRIPT.matcher(html).replaceAll("<div class=\"datastore\">$1</div>");
        return Jsoup.parse(CDATA.matcher(visible).replaceAll("$1"), base.toString());
    }

    /** Links whose title passes the filter; links into a Big5 mirror only when the list is itself one. */
    static List<Listed> reportLinks(Document list, Pattern filter) {
        boolean listIsMirror = list.location().contains(BIG5_GATE);
        Map<URI, Listed> found = new LinkedHashMap<>();
        for (Element a : list.select("a[href]")) {
            String title = a.hasAttr("title") && !a.attr("title").isBlank() ? a.attr("title").trim() : a.text().trim();
            if (!filter.matcher(title).find()) {
                continue;
            }
            Optional<URI> url = absolute(a, "href").filter(u -> listIsMirror || !u.getPath().contains(BIG5_GATE));
            url.ifPresent(u -> found.putIfAbsent(u, new Listed(u, title, dateNear(a))));
        }
        return new ArrayList<>(found.values());
    }

    /** Further list pages: TRS's page count script, Hanweb's dataproxy, {@code ?page=N}, the 下一页 link. */
    static List<URI> nextPages(Document list, URI current) {
        Set<URI> pages = new LinkedHashSet<>();
        pages.addAll(hanwebRecordPages(list, current));
        pages.addAll(numberedPages(list, current));
        Matcher trs = TRS_PAGES.matcher(list.html());
        if (trs.find()) {
            int count = Integer.parseInt(trs.group(1));
            for (int i = 1; i < count; i++) {
                resolve(current.toString(), trs.group(2) + "_" + i + "." + trs.group(3)).ifPresent(pages::add);
            }
        }
        for (Element a : list.select("a[href]")) {
            String text = a.text().trim();
            if (text.equals("下一页") || text.equals("下页") || text.equals("下一页>") || text.equalsIgnoreCase("next")) {
                absolute(a, "href").ifPresent(pages::add);
            }
        }
        return new ArrayList<>(pages);
    }

    /**
     * Hanweb (大汉) columns: the page embeds its first records and a {@code <nextgroup>} link to
     * {@code /module/web/jpage/dataproxy.jsp} with the column's parameters; the rest comes from that script in
     * ranges {@code startrecord=…&endrecord=…&perpage=…}. Its answers are datastore XML read like list pages.
     * Static {@code index_1.html} pages do not exist on these sites.
     */
    static List<URI> hanwebRecordPages(Document list, URI current) {
        Element nextGroup = list.selectFirst("nextgroup a[href*=dataproxy.jsp]");
        Optional<URI> proxy = nextGroup != null ? absolute(nextGroup, "href")
                : current.getPath().endsWith("/dataproxy.jsp") ? Optional.of(current) : Optional.empty();
        if (proxy.isEmpty()) {
            return List.of();
        }
        String html = list.html();
        Matcher perPageMatch = PER_PAGE.matcher(html);
        int records = list.select("record").size();
        int perPage = perPageMatch.find() ? Integer.parseInt(perPageMatch.group(1))
                : records > 0 ? records : HANWEB_DEFAULT_PER_PAGE;
        int step = perPage * HANWEB_PAGES_PER_REQUEST;
        Matcher totalMatch = TOTAL_RECORDS.matcher(html);
        // Without a total, ask for the first range: its answer carries <totalrecord> and leads to the others.
        int total = totalMatch.find() ? Integer.parseInt(totalMatch.group(1)) : step;
        String parameters = columnParameters(proxy.get());
        List<URI> ranges = new ArrayList<>();
        for (int start = 1; start <= total; start += step) {
            String query = "startrecord=" + start + "&endrecord=" + Math.min(total, start + step - 1) + "&perpage=" + perPage
                    + parameters;
            resolve(proxy.get().toString(), proxy.get().getRawPath() + "?" + query).ifPresent(ranges::add);
        }
        return ranges;
    }

    /** The nextgroup link's parameters but the range, plus the two jpage.js always sends. */
    private static String columnParameters(URI proxy) {
        StringBuilder kept = new StringBuilder();
        String query = proxy.getRawQuery() == null ? "" : proxy.getRawQuery();
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !HANWEB_RANGE_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.append('&').append(pair);
            }
        }
        for (String always : List.of("col=1", "appid=1")) {
            if (!("&" + query).contains("&" + always.substring(0, always.indexOf('=') + 1))) {
                kept.append('&').append(always);
            }
        }
        return kept.toString();
    }

    /**
     * {@code ?page=N} lists: the pager's links with a page parameter on this path, and, when the pager is
     * script-only and shows 共N页, the other numbers of this page's own parameter.
     */
    static List<URI> numberedPages(Document list, URI current) {
        Set<URI> pages = new LinkedHashSet<>();
        for (Element a : list.select("a[href]")) {
            absolute(a, "href").filter(u -> Objects.equals(u.getPath(), current.getPath()) && u.getRawQuery() != null
                    && PAGE_PARAM.matcher("?" + u.getRawQuery()).find()).ifPresent(pages::add);
        }
        Matcher count = PAGE_COUNT.matcher(list.text());
        Matcher own = PAGE_PARAM.matcher(current.toString());
        if (count.find() && own.find()) {
            int first = Integer.parseInt(own.group(2));
            int last = first + Integer.parseInt(count.group(1)) - 1;
            for (int n = first + 1; first <= 1 && n <= last; n++) {
                String page = current.toString().substring(0, own.start(2)) + n + current.toString().substring(own.end(2));
                resolve(page, page).ifPresent(pages::add);
            }
        }
        pages.remove(current);
        return new ArrayList<>(pages);
    }

    static Optional<URI> metaRefresh(Document page) {
        for (Element meta : page.select("meta[http-equiv]")) {
            if (meta.attr("http-equiv").equalsIgnoreCase("refresh")) {
                Matcher m = META_REFRESH_URL.matcher(meta.attr("content"));
                if (m.find()) {
                    return resolve(page.location(), m.group(1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Attachment links: by extension in the URL, in the link text (download scripts), or pdf.js {@code viewer?file=}. */
    static List<URI> attachments(Document article) {
        Set<URI> found = new LinkedHashSet<>();
        for (Element a : article.select("a[href], iframe[src], embed[src]")) {
            String attr = a.hasAttr("href") ? "href" : "src";
            String target = a.attr(attr);
            String viewerFile = viewerFile(target);
            if (viewerFile != null) {
                resolve(article.location(), viewerFile).ifPresent(found::add);
            } else if (kindOf(target) != null || kindOf(a.text().trim()) != null) {
                absolute(a, attr).ifPresent(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    static String bodyText(Document article) {
        Element container = article.selectFirst(CONTAINERS);
        return (container != null ? container : article.body()).text();
    }

    /** @return pdf, doc, docx, wps or ofd when the name ends so, else null */
    static String kindOf(String nameOrUrl) {
        Matcher m = EXTENSION.matcher(nameOrUrl);
        String kind = null;
        while (m.find()) {
            kind = m.group(1).toLowerCase(Locale.ROOT);
        }
        return kind != null && DOCUMENT_KINDS.contains(kind) ? kind : null;
    }

    private static String viewerFile(String target) {
        int at = target.indexOf("viewer.html?file=");
        if (at < 0) {
            at = target.indexOf("viewer?file=");
        }
        if (at < 0) {
            return null;
        }
        String file = target.substring(target.indexOf("file=", at) + 5);
        return java.net.URLDecoder.decode(file, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String dateNear(Element link) {
        for (Element e = link; e != null && !e.tagName().equals("body"); e = e.parent()) {
            Matcher m = DATE.matcher(e.text());
            if (m.find()) {
                return "%s-%02d-%02d".formatted(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (e.tagName().equals("li") || e.tagName().equals("tr")) {
                break; // the date belongs to this row or to none
            }
        }
        return null;
    }

    private static Optional<URI> absolute(Element e, String attr) {
        String raw = e.attr(attr).trim();
        if (raw.isEmpty() || raw.startsWith("javascript:") || raw.startsWith("#") || raw.startsWith("mailto:")) {
            return Optional.empty();
        }
        return resolve(e.baseUri(), raw);
    }

    private static Optional<URI> resolve(String base, String relative) {
        // jsoup resolves as RFC 3986 says ("?page=2" keeps the file name; java.net.URI drops it).
        String absolute = StringUtil.resolve(base, relative);
        if (absolute.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(absolute.replace(" ", "%20")).normalize());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
