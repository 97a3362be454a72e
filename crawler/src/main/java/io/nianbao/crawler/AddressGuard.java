package io.nianbao.crawler;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;

/**
 * The SSRF guard: http(s) only, only the source's hosts, and no private, loopback or link-local address after DNS
 * resolution (government sites often live on bare public IPs, so IP hosts as such are fine).
 * It returns the address it checked, and the fetcher connects to that one ({@link PinnedHttp}): the host is resolved
 * once, so a DNS answer that changes after the check (DNS rebinding) is never used.
 */
final class AddressGuard {
    private final boolean allowPrivate;

    AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** @return the address to connect to, the first the host resolved to */
    InetAddress check(URI uri, Collection<String> allowedHosts) throws RefusedUrlException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https are fetched, not " + uri);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new RefusedUrlException("no host in " + uri);
        }
        if (!allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new RefusedUrlException("host " + host + " is not one of this source's hosts " + allowedHosts);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new RefusedUrlException("host " + host + " resolves to the internal address "
                            + address.getHostAddress() + "; private, loopback and link-local addresses are refused");
                }
            }
        }
        return addresses[0];
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 0/8, CGNAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }
}
