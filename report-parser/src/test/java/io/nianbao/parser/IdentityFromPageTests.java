package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;

/**
 * A report page's identity from what the page says about itself (meta tags, heading, {@code <title>}), amid the site
 * chrome a government CMS puts around it; and a text's title set over two lines.
 */
class IdentityFromPageTests {
    private static final ReportParser PARSER = new ReportParser();
    /** Site chrome with a sidebar naming another year's report: never the page's own title. */
    private static final String CHROME = "<div class=nav><a>首页</a><a>政务公开</a><a>政府信息公开年报</a></div>"
            + "<div class=sidebar><ul><li class=title>某县2020年度政府信息公开工作年度报告</li></ul></div>";
    private static final String BODY = "<div class=TRS_Editor><p>本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>"
            + "<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div>";

    private static ParsedReport parsePage(String head, String article) throws Exception {
        return parsePage(head, article, SourceInfo.ofFile("page.html"));
    }

    private static ParsedReport parsePage(String head, String article, SourceInfo source) throws Exception {
        String html = "<html><head><meta charset=UTF-8>" + head + "</head><body>" + CHROME + article + BODY
                + "</body></html>";
        return PARSER.parse(html.getBytes(StandardCharsets.UTF_8), source);
    }

    private static SourceInfo crawledFrom(String province, String division, String agency) {
        return new SourceInfo(null, "https://www.example.gov.cn/zfxxgknb/1.html", "1.html", "crawl", province, division,
                agency, Instant.EPOCH);
    }

    @Test
    void theArticleTitleTagNamesAgencyYearAndPlace() throws Exception {
        ParsedReport report = parsePage("<meta name=\"ArticleTitle\" content=\"平潭综合实验区行政审批局2023年政府信息公开工作年度报告\">"
                + "<meta name=\"PubDate\" content=\"2024-01-30 15:01\">", "");

        assertThat(report.getAgency()).isEqualTo("平潭综合实验区行政审批局");
        assertThat(report.getYear()).isEqualTo(2023);
        assertThat(report.getPublicationDate()).isEqualTo("2024-01-30");
        assertThat(report.getDivision().getCountyCode()).isEqualTo("350128");
    }

    @Test
    void thePageTitleIsReadWithoutItsColumnAndSiteSuffixes() throws Exception {
        ParsedReport report = parsePage("<title>盐池县花马池镇人民政府2024年度政府信息公开工作年度报告_政府信息公开年报_盐池县人民政府</title>", "");

        assertThat(report.getTitle()).isEqualTo("盐池县花马池镇人民政府2024年度政府信息公开工作年度报告");
        assertThat(report.getAgency()).isEqualTo("盐池县花马池镇人民政府");
    }

    @Test
    void theColumnNameTagIsNeverTakenForTheTitleThoughItReadsLikeOne() throws Exception {
        // The column of annual reports, 「政府信息公开年报」, heads a <title> of column and site, and the page's column heading.
        ParsedReport report = parsePage("<meta name=\"ColumnName\" content=\"政府信息公开年报\">"
                + "<title>政府信息公开年报 - 盐池县人民政府</title>",
                "<h2>政府信息公开年报</h2><h1>盐池县花马池镇人民政府2024年度政府信息公开工作年度报告</h1>");

        assertThat(report.getTitle()).isEqualTo("盐池县花马池镇人民政府2024年度政府信息公开工作年度报告");
        assertThat(report.getAgency()).isEqualTo("盐池县花马池镇人民政府");
        assertThat(report.getYear()).isEqualTo(2024);
    }

    @Test
    void theMisspelledDescriptionTagAndTheArticleHeadingCount() throws Exception {
        assertThat(parsePage("<meta name=\"Desctiption\" content=\"2023年平潭综合实验区国有资产管理局政府信息公开工作年报\">", "")
                .getAgency()).isEqualTo("平潭综合实验区国有资产管理局");
        assertThat(parsePage("", "<div class=\"article_title\">淮安市洪泽区人民政府2023年政府信息公开年度报告</div>")
                .getAgency()).isEqualTo("淮安市洪泽区人民政府");
    }

    @Test
    void aTitleWithoutAgencyTakesTheContentSourceAndTheSiteNamesThePlace() throws Exception {
        ParsedReport report = parsePage("<meta name=\"SiteName\" content=\"平潭综合实验区党工委管委会\">"
                + "<meta name=\"ContentSource\" content=\"管委会办公室\">"
                + "<meta name=\"ArticleTitle\" content=\"2025年度政府信息公开工作年度报告\">", "");

        assertThat(report.getAgency()).isEqualTo("管委会办公室");
        assertThat(report.getDivision().getCountyCode()).isEqualTo("350128");
        assertThat(report.getWarnings()).anyMatch(w -> w.contains("'平潭综合实验区党工委管委会'"));
        assertThat(report.getNotes()).extracting(ParseNote::getCode)
                .containsExactly(ParseNoteCode.DIVISION_FROM_SITE_NAME.name());
    }

    @Test
    void aPageNamingNoPlaceCrawledFromACountySourceIsInThatCountyAndSaysTheHintPlacedIt() throws Exception {
        ParsedReport report = parsePage("<meta name=\"ContentSource\" content=\"管委会办公室\">"
                + "<meta name=\"ArticleTitle\" content=\"2025年度政府信息公开工作年度报告\">", "",
                crawledFrom("35", "350128", null));

        assertThat(report.getAgency()).isEqualTo("管委会办公室");
        assertThat(report.getDivision().getStatus()).isEqualTo("resolved");
        assertThat(report.getDivision().getCountyCode()).isEqualTo("350128");
        assertThat(report.getNotes()).extracting(ParseNote::getCode).contains(ParseNoteCode.DIVISION_FROM_HINT.name());
    }

    @Test
    void aPageThatPrintsNoAgencyIsPlacedByItsSiteNameBeforeTheAgencyHint() throws Exception {
        ParsedReport report = parsePage("<meta name=\"SiteName\" content=\"平潭综合实验区党工委管委会\">"
                + "<meta name=\"ArticleTitle\" content=\"2025年度政府信息公开工作年度报告\">", "",
                crawledFrom(null, null, "盐池县人民政府"));

        assertThat(report.getAgency()).isEqualTo("盐池县人民政府");
        assertThat(report.getDivision().getCountyCode()).isEqualTo("350128");
        assertThat(report.getWarnings()).contains(
                "No agency could be read from the title; the agency is the one given with the document.");
    }

    @Test
    void aTextTitleBrokenOverTwoLinesIsOneTitle() throws Exception {
        ParsedReport report = PARSER.parse("正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n"
                + "本年度报告根据《关于印发中华人民共和国政府信息公开工作年度报告\n格式的通知》编制。\n一、总体情况\n",
                SourceInfo.ofFile("report.txt"));

        assertThat(report.getTitle()).isEqualTo("2025年上海市人民政府办公厅政府信息公开工作年度报告");
        assertThat(report.getAgency()).isEqualTo("上海市人民政府办公厅");
        assertThat(report.getDivision().getProvinceCode()).isEqualTo("31");
    }
}
