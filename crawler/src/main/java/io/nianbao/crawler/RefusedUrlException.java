package io.nianbao.crawler;

/** A URL the crawler will not fetch (scheme, host outside the source, private address, robots.txt). */
public class RefusedUrlException extends Exception {
    public RefusedUrlException(String reason) {
        super(reason);
    }
}
