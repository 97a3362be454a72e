package io.nianbao.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both templates rendered from the data, row by row and column by column, against the tables as the two notices print
 * them (written out by hand from DOMAIN.md §1.3–1.5 in {@code printed-<year>.txt}, with the field of every cell).
 */
class TemplateTablesTests {

    @ParameterizedTest
    @EnumSource(Template.class)
    void rendersTheTablesAsTheTemplatePrintsThem(Template template) throws IOException {
        List<String> printed = printed(template);
        List<String> rendered = render(template);

        for (int line = 0; line < Math.max(printed.size(), rendered.size()); line++) {
            assertThat(line < rendered.size() ? rendered.get(line) : null).as("line %d of %s", line + 1, template)
                    .isEqualTo(line < printed.size() ? printed.get(line) : null);
        }
    }

    @Test
    void section三Has25RowsIn2021And23In2019WithTheirResultRows() {
        assertThat(Template.Y2021.applicationRows()).hasSize(25);
        assertThat(Template.Y2019.applicationRows()).hasSize(23);
        assertThat(Template.Y2021.resultRows()).hasSize(21).doesNotContain(ApplicationRow.OTHER_TOTAL);
        assertThat(Template.Y2019.resultRows()).hasSize(19).contains(ApplicationRow.OTHER_TOTAL)
                .doesNotContain(ApplicationRow.NO_CORRECTION, ApplicationRow.NO_FEE, ApplicationRow.OTHER);
    }

    @Test
    void eachTemplateHasItsIdentities() {
        Map<Identity.Family, Long> families = Template.Y2021.identities().stream()
                .collect(Collectors.groupingBy(Identity::family, Collectors.counting()));

        assertThat(families).containsEntry(Identity.Family.ROW_TOTAL, 25L)
                .containsEntry(Identity.Family.COLUMN_BALANCE, 7L).containsEntry(Identity.Family.RESULTS_SUM, 7L)
                .containsEntry(Identity.Family.CASE_TOTAL, 3L);
        assertThat(Identity.columnBalance(ApplicantColumn.RESEARCH).cells()).extracting(CellPath::path)
                .containsExactly("applications.newApplications[2]", "applications.carriedOver[2]",
                        "applications.totalProcessed[2]", "applications.carriedForward[2]");
        assertThat(Identity.resultsSum(Template.Y2019, ApplicantColumn.TOTAL).left()).hasSize(19);
        assertThat(Identity.caseTotal(CaseGroup.REVIEW).left()).extracting(CellPath::path)
                .containsExactly("review.upheld", "review.corrected", "review.other", "review.pending");
    }

    @Test
    void anIdentityIsBrokenOnlyWhenEveryCellIsReadAndTheSumsDiffer() {
        Identity balance = Identity.columnBalance(ApplicantColumn.TOTAL);
        Function<Integer[], Function<CellPath, Number>> grid = values -> cell -> values[balance.cells().indexOf(cell)];

        assertThat(balance.check(grid.apply(new Integer[] { 5, 2, 6, 1 })).broken()).isFalse();
        Identity.Check off = balance.check(grid.apply(new Integer[] { 5, 2, 6, 2 }));
        assertThat(off.broken()).isTrue();
        assertThat(List.of(off.left(), off.right())).containsExactly(7L, 8L);
        Identity.Check unread = balance.check(grid.apply(new Integer[] { 5, null, 6, 2 }));
        assertThat(unread.broken()).isFalse();
        assertThat(unread.unread()).extracting(CellPath::path).containsExactly("applications.carriedOver[6]");
    }

    @Test
    void recognisesTheLabelsReportsPrintIncludingTheirVariants() {
        assertThat(ApplicationRow.recognise("（三）不予公开1.属于国家秘密")).contains(ApplicationRow.STATE_SECRET);
        assertThat(ApplicationRow.recognise("三、本年度办理结果（一）予以公开")).contains(ApplicationRow.GRANTED);
        assertThat(ApplicationRow.recognise("下年度继续办理")).contains(ApplicationRow.CARRIED_FORWARD);
        assertThat(ApplicationRow.recognise("(+)Bit")).contains(ApplicationRow.TOTAL_PROCESSED);
        assertThat(ApplicationRow.recognise("（六）其他处理3.其他")).contains(ApplicationRow.OTHER);
        assertThat(ApplicationRow.recognise("（六）其他处理")).contains(ApplicationRow.OTHER_TOTAL);
        assertThat(ApplicationRow.recognise("申请人情况")).isEmpty();
    }

    /** Each table's title, then per block its column headings and one line per row: label, then the cell paths. */
    private static List<String> render(Template template) {
        List<String> lines = new ArrayList<>();
        for (Table table : template.tables()) {
            lines.add(table.title());
            for (Table.Block block : table.blocks()) {
                String corner = block.heading() == null ? "" : "[" + block.heading() + "] 信息内容";
                lines.add(corner + " | " + String.join(" | ", block.columns()));
                for (Table.Row row : block.rows()) {
                    assertThat(row.cells()).as(row.label()).hasSameSizeAs(block.columns());
                    String label = row.fullLabel();
                    lines.add(label + " | " + row.cells().stream().map(CellPath::path)
                            .collect(Collectors.joining(" | ")));
                }
            }
        }
        return lines;
    }

    private static List<String> printed(Template template) throws IOException {
        try (InputStream in = TemplateTablesTests.class.getResourceAsStream("/printed-" + template.code() + ".txt")) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n"));
        }
    }
}
