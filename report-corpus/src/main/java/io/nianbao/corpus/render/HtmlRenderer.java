package io.nianbao.corpus.render;

import java.util.List;

import io.nianbao.corpus.render.Document.Block;
import io.nianbao.corpus.render.Document.Cell;
import io.nianbao.corpus.render.Document.Heading;
import io.nianbao.corpus.render.Document.Paragraph;
import io.nianbao.corpus.render.Document.Table;

/** An HTML page as government sites publish one: real {@code <table>} markup with the template's colspan/rowspan. */
final class HtmlRenderer {
    private HtmlRenderer() {
    }

    static String render(Document document) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(((Heading) document.blocks().get(0)).text()))
                .append("</title></head>\n<body><div class=\"article\">\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                html.append("<h2>").append(escape(heading.text())).append("</h2>\n");
            } else if (block instanceof Paragraph paragraph) {
                html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                html.append("<table border=\"1\" cellspacing=\"0\">\n");
                for (List<Cell> row : table.rows()) {
                    html.append("<tr>");
                    for (Cell cell : row) {
                        html.append("<td");
                        if (cell.colspan() > 1) {
                            html.append(" colspan=\"").append(cell.colspan()).append('"');
                        }
                        if (cell.rowspan() > 1) {
                            html.append(" rowspan=\"").append(cell.rowspan()).append('"');
                        }
                        html.append("><p>").append(escape(cell.text())).append("</p></td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            }
        }
        return html.append("</div></body></html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
