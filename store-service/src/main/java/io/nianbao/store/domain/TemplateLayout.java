package io.nianbao.store.domain;

import java.util.List;

import io.nianbao.template.CellPath;
import io.nianbao.template.Template;

/**
 * The template's tables (from report-template) as the dashboard and the .xlsx export lay reports out: headings,
 * row labels and, at each place, the path of the stored cell (the path the rules name in findings).
 */
public final class TemplateLayout {
    /** @param cells one path per column */
    public record Row(String label, List<String> cells) {
    }

    /** @param heading the block's heading (第二十条第（一）项 …); null for a table of one block */
    public record Block(String heading, List<String> columns, List<Row> rows) {
    }

    public record Table(String key, String title, List<Block> blocks) {
    }

    private TemplateLayout() {
    }

    /** The tables of {@code template} ("2019" or "2021"; anything else is laid out as 2021). */
    public static List<Table> of(String template) {
        return Template.orCurrent(template).tables().stream().map(TemplateLayout::table).toList();
    }

    private static Table table(io.nianbao.template.Table table) {
        return new Table(table.key(), table.title(), table.blocks().stream()
                .map(block -> new Block(block.heading(), block.columns(), block.rows().stream()
                        .map(row -> new Row(row.fullLabel(),
                                row.cells().stream().map(CellPath::path).toList()))
                        .toList()))
                .toList());
    }
}
