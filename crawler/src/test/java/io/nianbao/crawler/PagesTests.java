package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PagesTests {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void gbkWithoutAnyDeclarationIsReadAsGb18030() {
        byte[] page = "<html><body>政府信息公开工作年度报告 䶮</body></html>".getBytes(Charset.forName("GB18030"));
        assertThat(Charsets.decode(page, "text/html")).contains("政府信息公开工作年度报告 䶮");
    }

    @Test
    void declaredCharsetsWinInTheOrderHeaderThenMeta() {
        byte[] gbkMeta = "<meta charset=\"gb2312\"><p>年报</p>".getBytes(GBK);
        assertThat(Charsets.detect(gbkMeta, "text/html", null)).isEqualTo(Charsets.GB18030);
        assertThat(Charsets.decode(gbkMeta, null)).contains("年报");
        byte[] utf8 = "<p>年报</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(utf8, "text/html; charset=UTF-8")).contains("年报");
        assertThat(Charsets.detect(utf8, null, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void hanwebStyleNextLinksAndViewerAttachmentsAreFound() {
        var page = CmsPages.parse("""
                <a href="?page=2">下一页</a>
                <iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Fnb.pdf"></iframe>
                <a href="/down?id=9">2023年报.ofd</a><a href="/x.html">其他</a>
                """, URI.create("http://www.example.gov.cn/col/col123/index.html"));

        assertThat(CmsPages.nextPages(page, URI.create("http://www.example.gov.cn/col/col123/index.html")))
                .containsExactly(URI.create("http://www.example.gov.cn/col/col123/index.html?page=2"));
        assertThat(CmsPages.attachments(page)).containsExactly(
                URI.create("http://www.example.gov.cn/upload/2024/nb.pdf"),
                URI.create("http://www.example.gov.cn/down?id=9"));
    }

    @Test
    void big5MirrorsAreReadAsBig5AndSkippedFromSimplifiedLists() {
        Charset big5 = Charset.forName("Big5");
        byte[] declared = "<meta charset=\"big5\"><p>政府資訊公開年報</p>".getBytes(big5);
        assertThat(Charsets.decode(declared, "text/html", "/xxgk/nb.html")).contains("政府資訊公開年報");
        byte[] undeclared = "<p>政府資訊公開工作年度報告</p>".getBytes(big5);
        assertThat(Charsets.decode(undeclared, "text/html", "/gate/big5/www.fujian.gov.cn/nb.html")).contains("政府資訊公開工作年度報告");

        String links = """
                <a href="/art/1.html">县2023年政府信息公开工作年度报告</a>
                <a href="/gate/big5/www.example.gov.cn/art/1.html">县2023年政府信息公开工作年度报告</a>
                """;
        assertThat(CmsPages.reportLinks(CmsPages.parse(links, URI.create("http://www.example.gov.cn/nb/")), Pattern.compile("年度报告")))
                .extracting(CmsPages.Listed::url).containsExactly(URI.create("http://www.example.gov.cn/art/1.html"));
        assertThat(CmsPages.reportLinks(CmsPages.parse(links, URI.create("http://www.example.gov.cn/gate/big5/www.example.gov.cn/nb/")),
                Pattern.compile("年度报告"))).hasSize(2);
    }

    @Test
    void hanwebRecordsInXmlScriptsAreLinksAndTheRestComesFromDataproxyInRanges() {
        URI column = URI.create("http://www.example.gov.cn/col/col1229/index.html");
        var page = CmsPages.parse("""
                <div id="4467"><script type="text/xml"><datastore>
                <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid=1229&unitid=4467&permissiontype=0"></a>]]></nextgroup>
                <recordset><record><![CDATA[<li><a href="/art/2024/1/16/art_1229_1.html" title="县2023年政府信息公开工作年度报告">县…</a><span>2024-01-16</span></li>]]></record>
                <record><![CDATA[<li><a href="/art/2023/1/9/art_1229_2.html" title="县2022年政府信息公开工作年度报告">县…</a><span>2023-01-09</span></li>]]></record>
                </recordset></datastore></script></div>
                <script>$(function(){ $('#4467').jpage({ totalRecord: 14, perPage: 2 }); });</script>
                """, column);

        assertThat(CmsPages.reportLinks(page, Pattern.compile("年度报告"))).extracting(CmsPages.Listed::date)
                .containsExactly("2024-01-16", "2023-01-09");
        String proxy = "http://www.example.gov.cn/module/web/jpage/dataproxy.jsp?";
        String column1229 = "&webid=3&path=/&columnid=1229&unitid=4467&permissiontype=0&col=1&appid=1";
        assertThat(CmsPages.nextPages(page, column)).containsExactly(
                URI.create(proxy + "startrecord=1&endrecord=6&perpage=2" + column1229),
                URI.create(proxy + "startrecord=7&endrecord=12&perpage=2" + column1229),
                URI.create(proxy + "startrecord=13&endrecord=14&perpage=2" + column1229));
    }

    @Test
    void pagerWithoutLinksButAPageCountGivesTheOtherNumbersOfThePageParameter() {
        URI first = URI.create("http://www.example.gov.cn/xxgk/list.jsp?cid=7&pageNo=1");
        var page = CmsPages.parse("<div class=\"pager\">共 3 页 <button onclick=\"go(2)\">下一页</button></div>", first);

        assertThat(CmsPages.nextPages(page, first)).containsExactly(
                URI.create("http://www.example.gov.cn/xxgk/list.jsp?cid=7&pageNo=2"),
                URI.create("http://www.example.gov.cn/xxgk/list.jsp?cid=7&pageNo=3"));
    }

    @Test
    void robotsTxtGroupForUsOverridesTheGeneralOne() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /
                
                User-agent: nianbao-crawler
                Disallow: /private/
                Allow: /private/nb/
                """, CrawlerSettings.USER_AGENT);

        assertThat(robots.allows("/xxgk/index.html")).isTrue();
        assertThat(robots.allows("/private/x.html")).isFalse();
        assertThat(robots.allows("/private/nb/2023.html")).isTrue();
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow: /", "other").allows("/a")).isFalse();
    }

    @Test
    void sourceWithoutProvinceOrListUrlIsInvalid() {
        Source bad = new Source("bad id!", "", "6", null, null, List.of("ftp://x/"), 0, "(", null, 0);
        assertThat(bad.problems()).hasSize(5);
        assertThat(new Source("ok", "盐池县", "64", null, null, List.of("http://www.yanchi.gov.cn/"), 0, null, null, 0).problems()).isEmpty();
        assertThat(new Source("ok", "盐池县", "64", "640323", "盐池县人民政府", List.of("http://www.yanchi.gov.cn/"), 0, null,
                null, 0).problems()).isEmpty();
    }

    @Test
    void aSourcesDivisionIsACityCountyOrTownCodeWithinItsProvince() {
        for (String division : List.of("6403", "640323", "640323100")) {
            assertThat(new Source("ok", "盐池县", "64", division, null, List.of("http://www.yanchi.gov.cn/"), 0, null, null, 0)
                    .problems()).as(division).isEmpty();
        }
        for (String division : List.of("410308", "64032", "盐池县", "")) {
            assertThat(new Source("bad", "盐池县", "64", division, null, List.of("http://www.yanchi.gov.cn/"), 0, null, null, 0)
                    .problems()).as(division).singleElement().asString().startsWith("division must be");
        }
    }
}
