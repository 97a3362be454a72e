package io.nianbao.crawler;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET over a connection to an address resolved beforehand: the one {@link AddressGuard} checked.
 * The JDK's HttpClient resolves the host again when it connects, and a DNS answer that changed in between
 * (DNS rebinding) would reach an internal address. TLS still verifies the certificate against the host name.
 */
final class PinnedHttp {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private PinnedHttp() {
    }

    /**
     * @param requestHeaders sent as given, besides Host, Connection: close and Accept-Encoding: identity
     * @throws FetchException when the body exceeds {@code maxBytes}
     */
    static Fetched get(URI uri, InetAddress address, Map<String, String> requestHeaders, Duration timeout, long maxBytes)
            throws IOException, FetchException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = connect(uri.getHost(), address, port, https, timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write(request(uri, port, https, requestHeaders).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new Deadlined(new BufferedInputStream(socket.getInputStream()), deadline, uri);
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response from " + uri + ": " + statusLine);
            }
            try {
                int status = Integer.parseInt(parts[1].trim());
                Map<String, List<String>> headers = headers(in);
                HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
                byte[] body = status == 204 || status == 304 || status / 100 == 1 ? new byte[0]
                        : body(in, httpHeaders, uri, maxBytes);
                return new Fetched(uri, status, httpHeaders, body);
            } catch (NumberFormatException e) {
                // A status or Content-Length that is no number: the site's fault, one failed fetch like any other.
                throw new IOException("malformed HTTP response from " + uri + ": " + e.getMessage(), e);
            }
        }
    }

    private static Socket connect(String host, InetAddress address, int port, boolean https, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            if (!https) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Character.isDigit(host.charAt(host.length() - 1)) && !host.contains(":")) {
                parameters.setServerNames(List.of(new SNIHostName(host))); // SNI takes names, not IP literals
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            plain.close();
            throw e;
        } catch (RuntimeException e) {
            // A host name TLS will not take (SNIHostName), a socket option refused: this fetch fails, the crawl goes on.
            plain.close();
            throw new IOException("cannot connect to " + host + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            plain.close();
            throw new IllegalStateException("every Java runtime has a default TLS context", e);
        }
    }

    private static String request(URI uri, int port, boolean https, Map<String, String> requestHeaders) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n");
        requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("Accept-Encoding: identity\r\nConnection: close\r\n\r\n").toString();
    }

    /** Header values as the bytes came, one char per byte: raw GBK file names are decoded later. */
    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int total = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, HttpHeaders headers, URI uri, long maxBytes) throws IOException, FetchException {
        if (headers.firstValue("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                if (body.size() + size > maxBytes) {
                    throw new FetchException(uri + " is larger than the cap of " + maxBytes + " bytes");
                }
                body.write(complete(in.readNBytes((int) size), size, uri));
                line(in); // the CRLF after the chunk
            }
            return body.toByteArray();
        }
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            throw new FetchException(uri + " announces " + declared + " bytes, over the cap of " + maxBytes);
        }
        if (declared >= 0) {
            return complete(in.readNBytes((int) declared), declared, uri);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FetchException(uri + " is larger than the cap of " + maxBytes + " bytes");
        }
        return bytes;
    }

    /** A body cut short (the server closed early) is a failed fetch, retried, never a smaller document. */
    private static byte[] complete(byte[] bytes, long expected, URI uri) throws IOException {
        if (bytes.length < expected) {
            throw new IOException(uri + ": the connection closed after " + bytes.length + " of " + expected + " bytes");
        }
        return bytes;
    }

    private static long chunkSize(String line) throws IOException {
        String hex = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
        try {
            return Long.parseLong(hex.trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + line + "'");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.length() == 0) {
                    throw new IOException("connection closed before the response ended");
                }
                break;
            }
            if (line.length() > MAX_HEADER_BYTES) {
                throw new IOException("response line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** The whole response must arrive within the timeout, not only each read: a page may trickle forever. */
    private static final class Deadlined extends InputStream {
        private final InputStream in;
        private final long deadline;
        private final URI uri;

        Deadlined(InputStream in, long deadline, URI uri) {
            this.in = in;
            this.deadline = deadline;
            this.uri = uri;
        }

        private void check() throws SocketTimeoutException {
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("response from " + uri + " not complete within the timeout");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return in.read(b, off, len);
        }
    }
}
