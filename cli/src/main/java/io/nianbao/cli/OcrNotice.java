package io.nianbao.cli;

import java.io.PrintWriter;

import io.nianbao.parser.extract.TextExtractor;

/** One line, before the output, when scans cannot be read here: what it means and how to fix it. */
final class OcrNotice {
    static final String MISSING = "nianbao: Tesseract with its Chinese model is not installed, so scanned pages will not "
            + "be OCR'd (they are reported as needing OCR). Install it: sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    private OcrNotice() {
    }

    static void printIfMissing(PrintWriter err) {
        if (!TextExtractor.ocrAvailable()) {
            err.println(MISSING);
            err.flush();
        }
    }
}
