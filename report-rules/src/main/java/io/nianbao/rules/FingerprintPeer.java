package io.nianbao.rules;

/**
 * Another agency's report known only by its text fingerprint, because it is kept elsewhere (validate-service: in
 * another partition, through the global fingerprint index): a COPY-PEER candidate whose similarity was measured on
 * the two fingerprints ({@link io.nianbao.rules.catalogue.CopyPeerRule#fingerprintSimilarity}).
 *
 * @param entryKey where it is kept: {@code <agency key>|<year>}
 * @param place    its county code, else its province code, where its partition is; null when not known
 */
public record FingerprintPeer(String entryKey, String place, String reportId, String agency, int year,
        double similarity) {
}
