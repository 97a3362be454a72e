package io.nianbao.ingest.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What the uploader tells about a document: hints only, the parser decides. Validated here so a malformed hint is
 * refused before the body is read.
 */
public record UploadHints(String fileName, String sourceUrl, String agency, String province) {
    /** Province-level division codes of GB/T 2260 (31 provinces, 台湾, 香港, 澳门). */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_AGENCY_LENGTH = 200;
    static final int MAX_FILE_NAME_LENGTH = 255;

    /** Blank values count as absent; the file name loses any client-side directory. */
    public static UploadHints of(String fileName, String sourceUrl, String agency, String province) {
        return new UploadHints(fileName(fileName), sourceUrl(sourceUrl), agency(agency), province(province));
    }

    private static String province(String value) {
        String province = blankToNull(value);
        if (province != null && !PROVINCES.contains(province)) {
            throw invalid("The province hint '" + province + "' is not a province code: give the two-digit GB/T 2260 "
                    + "code between 11 and 82 (for example 64 for 宁夏回族自治区), or leave it out.");
        }
        return province;
    }

    private static String sourceUrl(String value) {
        String url = blankToNull(value);
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw invalid("The sourceUrl is longer than " + MAX_URL_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with the same sentence as a URL of another scheme
        }
        throw invalid("The sourceUrl '" + url + "' is not an absolute http or https URL.");
    }

    private static String agency(String value) {
        String agency = blankToNull(value);
        if (agency != null && agency.length() > MAX_AGENCY_LENGTH) {
            throw invalid("The agency hint is longer than " + MAX_AGENCY_LENGTH + " characters.");
        }
        return agency;
    }

    private static String fileName(String value) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        name = blankToNull(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
        if (name != null && name.length() > MAX_FILE_NAME_LENGTH) {
            throw invalid("The file name is longer than " + MAX_FILE_NAME_LENGTH + " characters.");
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UploadRefusedException invalid(String message) {
        return new UploadRefusedException(RequestRejection.INVALID_HINT, message);
    }
}
