package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        assertThat(Charsets.detect(gbkMeta, "text/html")).isEqualTo(Charsets.GB18030);
        assertThat(Charsets.decode(gbkMeta, null)).contains("年报");
        byte[] utf8 = "<p>年报</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(utf8, "text/html; charset=UTF-8")).contains("年报");
        assertThat(Charsets.detect(utf8, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void hanwebStyleNextLinksAndViewerAttachmentsAreFound() {
        var page = Pages.parse("""
                <a href="?page=2">下一页</a>
                <iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Fnb.pdf"></iframe>
                <a href="/down?id=9">2023年报.ofd</a><a href="/x.html">其他</a>
                """, URI.create("http://www.example.gov.cn/col/col123/index.html"));

        assertThat(Pages.nextPages(page, URI.create("http://www.example.gov.cn/col/col123/index.html")))
                .containsExactly(URI.create("http://www.example.gov.cn/col/col123/index.html?page=2"));
        assertThat(Pages.attachments(page)).containsExactly(
                URI.create("http://www.example.gov.cn/upload/2024/nb.pdf"),
                URI.create("http://www.example.gov.cn/down?id=9"));
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
        Source bad = new Source("bad id!", "", "6", null, List.of("ftp://x/"), 0, "(", null, 0);
        assertThat(bad.problems()).hasSize(5);
        assertThat(new Source("ok", "盐池县", "64", null, List.of("http://www.yanchi.gov.cn/"), 0, null, null, 0).problems()).isEmpty();
    }
}
