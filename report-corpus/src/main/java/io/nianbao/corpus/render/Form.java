package io.nianbao.corpus.render;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.nianbao.corpus.LabelledReport;
import io.nianbao.schema.ParsedReport;

/** The forms a report arrives in. Clean forms carry the figures intact; damaged text is extraction's worst case. */
public enum Form {
    TEXT("txt", "text/plain", true),
    DAMAGED_TEXT("txt", "text/plain", false),
    /** pdfminer.six's text: a table's labels, then its figures one column after another (real report 017). */
    COLUMN_WISE("txt", "text/plain", true),
    HTML("html", "text/html", true),
    /**
     * A report page as a government CMS serves it: site chrome, meta tags, Word-exported tables; half of them leave
     * zeros and the result rows' 总计 blank, as big-city reports do ({@link BlankCells}).
     */
    CMS_HTML("html", "text/html", true),
    /**
     * A PDF report converted by a PDF-to-Markdown tool: pipe tables broken at page footers, section 二's cells with a
     * note floated out of their rows.
     */
    MARKDOWN("md", "text/markdown", true),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true),
    PDF("pdf", "application/pdf", true),
    SCAN("png", "image/png", true);

    private final String extension;
    private final String mediaType;
    private final boolean clean;

    Form(String extension, String mediaType, boolean clean) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.clean = clean;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the rendering keeps every printed figure legible (the accuracy floor applies to these). */
    public boolean clean() {
        return clean;
    }

    /** Whether this machine can render the form (PDF and scans need a CJK font). */
    public boolean available() {
        return (this != PDF && this != SCAN) || PdfRenderer.cjkFont().isPresent();
    }

    public String fileName(LabelledReport report) {
        return report.id() + switch (this) {
            case DAMAGED_TEXT -> ".damaged.";
            case COLUMN_WISE -> ".column-wise.";
            case CMS_HTML -> ".cms.";
            default -> ".";
        } + extension;
    }

    /** What the rendering prints: the report's truth, with null for each cell the form leaves blank. */
    public ParsedReport printedTruth(LabelledReport report) {
        return this == CMS_HTML && BlankCells.leftBlankIn(report.id()) ? BlankCells.blanked(report.truth())
                : report.truth();
    }

    /** The rendering's bytes; deterministic for a report (damage is seeded from its id). */
    public byte[] render(LabelledReport report) {
        Document document = ReportLayout.layout(printedTruth(report));
        return switch (this) {
            case TEXT -> TextRenderer.clean(document).getBytes(StandardCharsets.UTF_8);
            case DAMAGED_TEXT -> TextRenderer.damaged(document, new Random(report.id().hashCode()))
                    .getBytes(StandardCharsets.UTF_8);
            case COLUMN_WISE -> TextRenderer.columnWise(document, new Random(report.id().hashCode()))
                    .getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlRenderer.render(document).getBytes(StandardCharsets.UTF_8);
            case CMS_HTML -> CmsHtmlRenderer.render(document, report.truth()).getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> MarkdownRenderer.render(document, report.truth()).getBytes(StandardCharsets.UTF_8);
            case DOCX -> DocxRenderer.render(document);
            case PDF -> PdfRenderer.render(document);
            case SCAN -> ScanRenderer.render(PdfRenderer.render(document));
        };
    }
}
