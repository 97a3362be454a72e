package io.nianbao.parser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.nianbao.parser.division.DivisionResolver;
import io.nianbao.parser.extract.ExtractedDocument;
import io.nianbao.parser.extract.TextExtractor;
import io.nianbao.parser.identity.IdentityReader;
import io.nianbao.parser.identity.ReportIdentity;
import io.nianbao.parser.sections.Section;
import io.nianbao.parser.sections.SectionSplitter;
import io.nianbao.parser.sections.SectionedText;
import io.nianbao.parser.tables.ActiveReader;
import io.nianbao.parser.tables.ApplicationsInference;
import io.nianbao.parser.tables.ApplicationsReader;
import io.nianbao.parser.tables.ApplicationsTable;
import io.nianbao.parser.tables.CasesReader;
import io.nianbao.parser.text.RunTogetherText;
import io.nianbao.parser.text.TextNormaliser;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Completeness;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Source;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;
import io.nianbao.schema.ParseNoteCode;

/**
 * The one entry point: a report document (or its already-extracted text) → {@link ParsedReport} in the canonical
 * fields. Thread-safe; a value that could not be read is null, never 0, and the warnings say why.
 */
public final class ReportParser {
    /** Recorded in every report, so re-parsed history shows which parser made it. */
    public static final String PARSER_VERSION = "0.6.0";

    private static final String MEDIA_TYPE_TEXT = "text/plain";
    /** Every report read from page images says so: a misread digit there is OCR's, and rules may weigh it. */
    public static final String OCR_WARNING = "OCR_READ: the text was read by OCR (Tesseract chi_sim+eng) from page"
            + " images; a figure may be misread where the template's identities could not check it.";

    private final TextExtractor extractor = new TextExtractor();

    /**
     * @throws UnreadableDocumentException the bytes are no document any extractor reads
     * @throws NotAReportException         the document was read but is not an annual report
     */
    public ParsedReport parse(byte[] content, SourceInfo source) throws UnreadableDocumentException, NotAReportException {
        ExtractedDocument document = extractor.extract(content, source.fileName());
        String reportId = source.reportId() != null ? source.reportId() : sha256(content);
        return parse(document, reportId, content.length, source);
    }

    /** For text already extracted (the CLI's {@code --text}, tests). The report id is the SHA-256 of its UTF-8. */
    public ParsedReport parse(String text, SourceInfo source) throws NotAReportException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String reportId = source.reportId() != null ? source.reportId() : sha256(bytes);
        return parse(ExtractedDocument.ofText(text, MEDIA_TYPE_TEXT), reportId, bytes.length, source);
    }

    private ParsedReport parse(ExtractedDocument document, String reportId, long size, SourceInfo source)
            throws NotAReportException {
        ParseNotes notes = new ParseNotes();
        Source recordedSource = Source.newBuilder()
                .setUrl(source.url())
                .setFileName(source.fileName())
                .setMediaType(document.mediaType())
                .setOrigin(source.origin() == null ? "upload" : source.origin())
                .setProvinceHint(source.provinceHint())
                .setAgencyHint(source.agencyHint())
                .setSizeBytes(size)
                .setReceivedAt(source.receivedAt())
                .build();
        ParsedReport.Builder report = ParsedReport.newBuilder()
                .setReportId(reportId)
                .setParserVersion(PARSER_VERSION)
                .setSource(recordedSource);
        if (document.needsOcr()) {
            notes.warn(TextExtractor.ocrAvailable()
                    ? "The " + document.mediaType() + " document has no text layer (a scan) and OCR read no text"
                            + " from it; nothing could be read."
                    : "The " + document.mediaType() + " document has no text layer (a scan); nothing can be read"
                            + " without OCR (Tesseract with chi_sim is not installed).");
            return report
                    .setAgency(blankToNull(source.agencyHint()))
                    .setDivision(DivisionResolver.resolve(null, null, source, null, notes))
                    .setNarrative(Narrative.newBuilder().build())
                    .setCompleteness(Completeness.newBuilder().setNeedsOcr(true).setCellsExpected(cellsExpected(null))
                            .build())
                    .setWarnings(notes.warnings())
                    .setNotes(notes.notes())
                    .build();
        }

        if (document.readByOcr()) {
            notes.note(ParseNoteCode.OCR_READ, null, null, OCR_WARNING);
        }
        String text = RunTogetherText.unflatten(TextNormaliser.normalise(document.text()));
        SectionedText sections = SectionSplitter.split(text);
        ReportIdentity identity = IdentityReader.read(
                sections.bodies().isEmpty() ? text : sections.preamble(), text, document.page());

        ApplicationsTable applications = applications(sections, text, notes);
        Optional<String> activeTemplate = sections.body(Section.ACTIVE).flatMap(ActiveReader::template);
        String template = template(activeTemplate, applications.template(), notes);
        if (!applications.isEmpty()) {
            ApplicationsInference.fill(applications, template, notes);
        }
        Optional<ActiveDisclosure> active = sections.body(Section.ACTIVE)
                .flatMap(body -> ActiveReader.read(body, sections.body(Section.OVERVIEW).orElse(""), template,
                        applications.columnWise(), notes));
        Optional<CasesReader.Cases> cases = sections.body(Section.CASES).flatMap(body -> CasesReader.read(body, notes));

        List<String> tablesFound = new ArrayList<>();
        active.ifPresent(found -> tablesFound.add("active"));
        if (!applications.isEmpty()) {
            tablesFound.add("applications");
        }
        cases.ifPresent(found -> tablesFound.add("cases"));

        if (!identity.hasTitle() && tablesFound.isEmpty() && sections.bodies().size() < 3) {
            throw new NotAReportException("No report title (…政府信息公开工作年度报告), none of the template's tables and "
                    + sections.bodies().size() + " of its six section headings were found.");
        }
        warnAboutMissing(identity, source, sections, notes);

        report.setAgency(identity.agency() != null ? identity.agency() : blankToNull(source.agencyHint()))
                .setDivision(DivisionResolver.resolve(identity.agency(), document.page().siteName(), source,
                        identity.year(), notes))
                .setYear(identity.year())
                .setTemplate(template)
                .setTitle(identity.title())
                .setTitleYear(identity.titleYear())
                .setPeriodYear(identity.periodYear())
                .setPublicationDate(identity.publicationDate())
                .setActive(active.orElse(null))
                .setApplications(applications.isEmpty() ? null : ApplicationsRecord.of(applications, template, notes))
                .setNarrative(Narrative.newBuilder()
                        .setOverview(sections.body(Section.OVERVIEW).orElse(null))
                        .setProblems(sections.body(Section.PROBLEMS).orElse(null))
                        .setOtherMatters(sections.body(Section.OTHER).orElse(null))
                        .build());
        cases.ifPresent(found -> report.setReview(found.review())
                .setLitigationDirect(found.litigationDirect())
                .setLitigationAfterReview(found.litigationAfterReview()));
        return report
                .setCompleteness(Completeness.newBuilder()
                        .setSectionsFound(sections.numbersFound())
                        .setTablesFound(tablesFound)
                        .setCellsRead(notes.cellsRead())
                        .setCellsExpected(cellsExpected(template))
                        .setInferredCells(notes.inferredCells())
                        .setNeedsOcr(false)
                        .build())
                .setWarnings(notes.warnings())
                .setNotes(notes.notes())
                .build();
    }

    /**
     * Section 三's table from its section, or, when its heading was not found (numbered otherwise, lost in
     * conversion), from wherever its rows stand: the rows are known by their labels, and the table makes the report.
     */
    private static ApplicationsTable applications(SectionedText sections, String text, ParseNotes notes) {
        Optional<String> body = sections.body(Section.APPLICATIONS);
        if (body.isPresent()) {
            return ApplicationsReader.read(body.get(), notes);
        }
        ParseNotes unsectioned = new ParseNotes();
        ApplicationsTable table = ApplicationsReader.read(text, unsectioned);
        if (table.isEmpty()) {
            return table;
        }
        notes.warn("Section 三's heading was not found; its table was read from the rows its labels name.");
        unsectioned.warnings().forEach(notes::warn);
        notes.read(unsectioned.cellsRead());
        return table;
    }

    /** Section 二's columns decide; section 三's （六） rows confirm or stand in. Disagreement is reported, not hidden. */
    private static String template(Optional<String> fromActive, Optional<String> fromApplications, ParseNotes notes) {
        if (fromActive.isPresent() && fromApplications.isPresent() && !fromActive.equals(fromApplications)) {
            notes.warn("Section 二 has the columns of the " + fromActive.get() + " template but section 三's （六）"
                    + " rows are those of " + fromApplications.get() + "; the template is taken from section 二.");
        }
        String template = fromActive.or(() -> fromApplications).orElse(null);
        if (template == null) {
            notes.warn("Neither section 二's columns nor section 三's （六） rows identify the template (2019 or 2021).");
        }
        return template;
    }

    private static void warnAboutMissing(ReportIdentity identity, SourceInfo source, SectionedText sections,
            ParseNotes notes) {
        if (identity.agency() == null) {
            notes.warn(blankToNull(source.agencyHint()) == null ? "No agency could be read from the title."
                    : "No agency could be read from the title; the agency is the one given with the document.");
        }
        if (identity.year() == null) {
            notes.warn("No report year could be read from the title or the statistics period.");
        }
        for (Section section : Section.values()) {
            if (sections.body(section).isEmpty()) {
                notes.warn("Section " + section.number() + " heading was not found.");
            }
        }
    }

    /** Cells of sections 二, 三 and 四 the template prints; the current (2021) template when it is unknown. */
    static int cellsExpected(String template) {
        return ActiveReader.cellsExpected(template) + Template.orCurrent(template).applicationRows().size() * ApplicationRow.COLUMNS
                + CasesReader.CELLS;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
