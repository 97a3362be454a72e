package io.nianbao.corpus.render;

import static io.nianbao.corpus.render.HtmlRenderer.escape;

import java.util.List;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Cell;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;
import io.nianbao.schema.ParsedReport;

/**
 * A report page as a government CMS serves it (DOMAIN.md §4.5): the article amid site chrome (menus, breadcrumb, a
 * sidebar listing the agency's other reports, footer script), the article meta tags of the national website
 * guidelines ({@code ArticleTitle}, {@code PubDate}, {@code ContentSource}, {@code SiteName}, {@code ColumnName}), the
 * {@code <title>} with column and site appended, the heading in a {@code div.article_title}, and tables exported from
 * Word: {@code MsoNormalTable}, {@code mso-} styles, a figure split over two spans (「<span>2</span><span>0</span>」), a
 * {@code &nbsp;} span before a figure, header labels one character per paragraph.
 */
final class CmsHtmlRenderer {
    private static final String COLUMN = "政府信息公开年报";
    private static final String CELL_STYLE = "width:48.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext"
            + " .5pt;padding:0cm 5.4pt 0cm 5.4pt";
    private static final String SPAN_STYLE = "font-size:10.5pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New"
            + " Roman\"";

    private CmsHtmlRenderer() {
    }

    static String render(Document document, ParsedReport truth) {
        String title = ((Heading) document.blocks().get(0)).text();
        String site = truth.getAgency() + "门户网站";
        String otherYear = truth.getAgency() + (truth.getYear() - 1) + "年度政府信息公开工作年度报告";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
                .append(meta("SiteName", site)).append(meta("ColumnName", COLUMN)).append(meta("ColumnType", COLUMN))
                .append(meta("ArticleTitle", title)).append(meta("PubDate", truth.getPublicationDate() + " 09:30"))
                .append(meta("ContentSource", truth.getAgency())).append(meta("Desctiption", ""))
                .append("<title>").append(escape(title + "_" + COLUMN + "_" + site)).append("</title>\n")
                .append("<script>var _hmt = _hmt || [];</script></head>\n<body>\n")
                .append("<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开"
                        + "</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul><a href=\"#\">长者模式</a> <a href=\"#\">无障碍"
                        + "</a></div>\n")
                .append("<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; "
                        + COLUMN + "</div>\n")
                .append("<div class=\"sidebar\"><h3>相关链接</h3><ul><li class=\"title\"><a href=\"/zwgk/nb/old.htm\">")
                .append(escape(otherYear)).append("</a></li></ul></div>\n")
                .append("<div class=\"article_component\"><div class=\"article_title\">").append(escape(title))
                .append("</div>\n<span class=\"article_source\">来源：").append(escape(truth.getAgency()))
                .append("</span> <span class=\"article_time\">时间：").append(truth.getPublicationDate())
                .append("</span>\n<div class=\"TRS_Editor\">\n");
        for (Block block : document.blocks().subList(1, document.blocks().size())) {
            if (block instanceof Heading heading) {
                html.append("<p class=MsoNormal><b><span style='font-family:黑体'>").append(escape(heading.text()))
                        .append("</span></b></p>\n");
            } else if (block instanceof Paragraph paragraph) {
                html.append("<p class=MsoNormal style='text-indent:2em'>").append(escape(paragraph.text()))
                        .append("</p>\n");
            } else if (block instanceof Table table) {
                table(html, table);
            }
        }
        return html.append("</div></div>\n<div class=\"footer\">主办单位：").append(escape(site))
                .append("<script src=\"/js/stat.js\"></script></div>\n</body></html>\n").toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
                + "mso-table-layout-alt:fixed;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr style='mso-yfti-irow:1'>");
            for (Cell cell : row) {
                html.append("<td");
                if (cell.colspan() > 1) {
                    html.append(" colspan=").append(cell.colspan());
                }
                if (cell.rowspan() > 1) {
                    html.append(" rowspan=").append(cell.rowspan());
                }
                html.append(" style='").append(CELL_STYLE).append("'>").append(content(cell.text())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * A figure as Word exports it: a {@code &nbsp;} span, then its digits over two spans; a blank cell a lone
     * {@code &nbsp;}; a short label a character per paragraph.
     */
    private static String content(String text) {
        if (text.isEmpty()) {
            return "<p class=MsoNormal align=center><span lang=EN-US style='" + SPAN_STYLE + "'>&nbsp;</span></p>";
        }
        if (text.matches("\\d{2,}")) {
            int half = text.length() / 2;
            return "<p class=MsoNormal align=center><span lang=EN-US style='" + SPAN_STYLE + "'>&nbsp;</span><span"
                    + " lang=EN-US style='" + SPAN_STYLE + "'>" + text.substring(0, half) + "</span><span lang=EN-US"
                    + " style='" + SPAN_STYLE + "'>" + text.substring(half) + "</span></p>";
        }
        if (text.length() >= 2 && text.length() <= 4 && text.codePoints().allMatch(Character::isIdeographic)) {
            StringBuilder vertical = new StringBuilder();
            text.codePoints().forEach(c -> vertical.append("<p class=MsoNormal align=center><span style='")
                    .append(SPAN_STYLE).append("'>").appendCodePoint(c).append("</span></p>"));
            return vertical.toString();
        }
        return "<p class=MsoNormal><span style='" + SPAN_STYLE + "'>" + escape(text) + "</span></p>";
    }

    private static String meta(String name, String content) {
        return "<meta name=\"" + name + "\" content=\"" + escape(content) + "\"/>\n";
    }
}
