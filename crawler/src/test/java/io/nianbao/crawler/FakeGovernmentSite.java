package io.nianbao.crawler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A county website as these sites really are, on loopback: GBK list pages with TRS pagination and relative links,
 * article pages (report as HTML; report as PDF and DOC attachments, one behind a download script), a broken link,
 * a redirect to a meta-refresh page, a slow page, a robots.txt, a direct PDF link with ETag; and two more columns,
 * Hanweb's dataproxy lists and a {@code ?page=N} list with a script-only pager and a Big5 mirror link.
 */
public final class FakeGovernmentSite implements AutoCloseable {
    static final Charset GBK = Charset.forName("GBK");
    public static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n花马池镇年报".getBytes(StandardCharsets.UTF_8);
    public static final byte[] DOC = docBytes();
    public static final byte[] GSW_PDF = "%PDF-1.7\n高沙窝镇2022年报\n%%EOF".getBytes(StandardCharsets.UTF_8);
    /** Reports there are on the site: two HTML articles, one PDF and one DOC attachment, one PDF linked directly. */
    public static final int REPORTS = 5;
    /** HTML reports in the Hanweb column and in the {@code ?page=N} list. */
    public static final int HANWEB_REPORTS = 8;
    public static final int PAGED_REPORTS = 3;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile String listDateOfGsw = "2023-03-30";
    private final List<String> extraListItems = new CopyOnWriteArrayList<>();
    private final Set<String> hostsAsked = ConcurrentHashMap.newKeySet();

    public FakeGovernmentSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        files.put("/files/report2.pdf", PDF);
        files.put("/files/gsw.pdf", GSW_PDF);
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String listUrl() {
        return base() + "/xxgk/nb/index.html";
    }

    /** A Hanweb (大汉) column: two records in the page, the others only through dataproxy.jsp, no index_1.html. */
    public String hanwebListUrl() {
        return base() + "/col/col1229/index.html";
    }

    /** A {@code ?page=N} list whose pager is script-only (共3页), with a Big5 mirror link beside the first report. */
    public String pagedListUrl() {
        return base() + "/xxgk/list.jsp?cid=7&page=1";
    }

    private void handleColumns(HttpExchange exchange, String path, String query) throws IOException {
        switch (path) {
            case "/col/col1229/index.html" -> send(exchange, 200, "text/html; charset=UTF-8", """
                    <html><body><div id="4467"><script type="text/xml"><datastore>
                    <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid=1229&unitid=4467&permissiontype=0"></a>]]></nextgroup>
                    <recordset>%s</recordset></datastore></script></div>
                    <script>$(function(){ $('#4467').jpage({ totalRecord: %d, perPage: 2 }); });</script></body></html>
                    """.formatted(hanwebRecords(1, 2), HANWEB_REPORTS).getBytes(StandardCharsets.UTF_8));
            case "/module/web/jpage/dataproxy.jsp" -> {
                Matcher range = Pattern.compile("startrecord=(\\d+)&endrecord=(\\d+)").matcher(String.valueOf(query));
                if (!range.find() || !query.contains("columnid=1229")) {
                    send(exchange, 400, "text/plain", new byte[0]);
                    return;
                }
                int last = Math.min(HANWEB_REPORTS, Integer.parseInt(range.group(2)));
                send(exchange, 200, "text/xml; charset=UTF-8", """
                        <?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>%d</totalrecord><recordset>%s</recordset></datastore>
                        """.formatted(HANWEB_REPORTS, hanwebRecords(Integer.parseInt(range.group(1)), last)).getBytes(StandardCharsets.UTF_8));
            }
            case "/xxgk/list.jsp" -> {
                Matcher page = Pattern.compile("page=(\\d)").matcher(String.valueOf(query));
                int n = page.find() ? Integer.parseInt(page.group(1)) : 0;
                if (n < 1 || n > PAGED_REPORTS) {
                    send(exchange, 404, "text/html", new byte[0]);
                    return;
                }
                String mirror = n == 1 ? "<li><a href=\"/gate/big5/127.0.0.1/art/p1.html\">第1号政府信息公开工作年度报告</a></li>" : "";
                send(exchange, 200, "text/html; charset=UTF-8", """
                        <html><body><ul><li><a href="/art/p%1$d.html">第%1$d号政府信息公开工作年度报告</a><span>2024-02-0%1$d</span></li>%2$s</ul>
                        <div class="pager">共 %3$d 页 <span onclick="goPage(%4$d)">下一页</span></div></body></html>
                        """.formatted(n, mirror, PAGED_REPORTS, n + 1).getBytes(StandardCharsets.UTF_8));
            }
            default -> send(exchange, 404, "text/html", "<html><body>404 页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String hanwebRecords(int first, int last) {
        StringBuilder records = new StringBuilder();
        for (int i = first; i <= last; i++) {
            records.append("<record><![CDATA[<li><a href=\"/art/hw/%1$d.html\" title=\"第%1$d镇2023年政府信息公开工作年度报告\">第%1$d镇…</a><span>2024-01-%1$02d</span></li>]]></record>".formatted(i));
        }
        return records.toString();
    }

    /** The PDF attachment is replaced after publication. */
    public void changeAttachment(byte[] content) {
        files.put("/files/report2.pdf", content);
    }

    public void changeListedDateOfDirectPdf(String date) {
        listDateOfGsw = date;
    }

    /** Lists one more report on the first list page, under the link given as is (e.g. absolute, to another host). */
    public void listReport(String title, String href) {
        extraListItems.add("<li><a href=\"%s\">%s</a><span>2024-01-26</span></li>".formatted(href, title));
    }

    /** The {@code Host} headers of every request served, as the clients named the site. */
    public Set<String> hostsAsked() {
        return Set.copyOf(hostsAsked);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        hostsAsked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        switch (path) {
            case "/robots.txt" -> send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII));
            // No charset in the header: only <meta> says gb2312.
            case "/xxgk/nb/index.html" -> send(exchange, 200, "text/html", listPage1().getBytes(GBK));
            // Neither header nor meta: the bytes are GBK all the same.
            case "/xxgk/nb/index_1.html" -> send(exchange, 200, "text/html", listPage2().getBytes(GBK));
            case "/art/2024/1/16/art_1.html" -> send(exchange, 200, "text/html; charset=GBK", htmlReport("盐池县").getBytes(GBK));
            case "/art/2.html" -> send(exchange, 200, "text/html; charset=utf-8", attachmentArticle().getBytes(StandardCharsets.UTF_8));
            case "/old/nb2022.html" -> {
                exchange.getResponseHeaders().add("Location", "/old/moved.html");
                send(exchange, 302, "text/html", new byte[0]);
            }
            case "/old/moved.html" -> send(exchange, 200, "text/html",
                    "<html><head><meta http-equiv=\"refresh\" content=\"0; url=../art/3.html\"></head><body></body></html>".getBytes(StandardCharsets.US_ASCII));
            case "/art/3.html" -> send(exchange, 200, "text/html; charset=UTF-8", htmlReport("青山乡").getBytes(StandardCharsets.UTF_8));
            case "/download.jsp" -> {
                if (!"id=3".equals(query)) {
                    send(exchange, 404, "text/plain", new byte[0]);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.doc");
                send(exchange, 200, "application/octet-stream", DOC);
            }
            case "/slow/nb.html" -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "text/html", htmlReport("慢").getBytes(StandardCharsets.UTF_8));
            }
            case "/private/nb.html" -> send(exchange, 200, "text/html", htmlReport("禁止").getBytes(StandardCharsets.UTF_8));
            case "/col/col1229/index.html", "/module/web/jpage/dataproxy.jsp", "/xxgk/list.jsp" -> handleColumns(exchange, path, query);
            default -> {
                if (path.startsWith("/art/hw/") || path.startsWith("/art/p")) {
                    send(exchange, 200, "text/html; charset=UTF-8", htmlReport(path).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] file = files.get(path);
                if (file == null) {
                    send(exchange, 404, "text/html", "<html><body>404 页面不存在</body></html>".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String etag = "\"" + Crawler.sha256(file).substring(0, 16) + "\"";
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                send(exchange, 200, "application/pdf", file);
            }
        }
    }

    private String listPage1() {
        return """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政府信息公开年报</title></head>
                <body><div class="nav"><a href="/">首页</a> &gt; <a href="../">政府信息公开</a></div>
                <ul class="list">
                <li><a href="../../art/2024/1/16/art_1.html" title="盐池县2023年政府信息公开工作年度报告">盐池县2023年政府信息公开工作年度报告</a><span>2024-01-16</span></li>
                <li><a href="/art/2.html">花马池镇2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>
                <li><a href="/art/notice.html">关于开展安全生产检查的通知</a><span>2024-01-22</span></li>
                <li><a href="/art/missing.html">某某局2023年政府信息公开工作年度报告</a><span>2024-01-25</span></li>
                <li><a href="../../old/nb2022.html">青山乡2022年政府信息公开工作年度报告</a><span>2023年01月30日</span></li>
                %s</ul>
                <script>createPageHTML(2, 0, "index", "html");</script>
                </body></html>
                """.formatted(String.join("\n", extraListItems));
    }

    private String listPage2() {
        return """
                <html><head><title>政府信息公开年报</title></head><body><ul>
                <li><a href="../../slow/nb.html">慢镇2022年政府信息公开工作年度报告</a><span>2023-01-10</span></li>
                <li><a href="/private/nb.html">内部2022年政府信息公开工作年度报告</a><span>2023-01-11</span></li>
                <li><a href="/files/gsw.pdf">高沙窝镇2022年政府信息公开工作年度报告</a><span>%s</span></li>
                </ul></body></html>
                """.formatted(listDateOfGsw);
    }

    private static String htmlReport(String agency) {
        return """
                <html><head><title>%1$s2023年政府信息公开工作年度报告</title></head><body>
                <div class="header">无障碍 长者版</div>
                <div id="zoom"><p>%1$s2023年政府信息公开工作年度报告</p>
                <p>本报告根据《中华人民共和国政府信息公开条例》要求编制。一、总体情况。%2$s</p>
                <p>二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况</p>
                <p>五、存在的主要问题及改进情况 六、其他需要报告的事项</p></div></body></html>
                """.formatted(agency, "本年度持续深化政务公开，围绕重点领域主动公开政府信息。".repeat(12));
    }

    private static String attachmentArticle() {
        return """
                <html><head><title>花马池镇2023年政府信息公开工作年度报告</title></head><body>
                <div class="TRS_Editor"><p>详见附件。</p>
                <p>附件：<a href="/files/report2.pdf">花马池镇2023年政府信息公开工作年度报告.pdf</a></p>
                <p><a href="/download.jsp?id=3">年报.doc</a></p>
                <p><a href="/files/broken.pdf">已删除的附件.pdf</a></p></div></body></html>
                """;
    }

    private static byte[] docBytes() {
        byte[] head = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] stream = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
        byte[] doc = new byte[512 + stream.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        System.arraycopy(stream, 0, doc, 512, stream.length);
        return doc;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
