package org.gridguard.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The allow-list of callback URLs. A URL must be https (http only if configured), without user info, and
 * every address its host resolves to must be public: no loopback, link-local (169.254.0.0/16, which holds
 * cloud metadata services, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), unspecified,
 * carrier-grade NAT, multicast or reserved address, unless an entry of
 * {@code gridguard.webhooks.allowed-private} lets it through. An entry is {@code host}, {@code host:port},
 * an address, {@code address:port}, {@code [v6]:port} or a CIDR block.
 * <p>
 * The check runs when a subscription is registered and again before every delivery, after a fresh DNS
 * resolution; the delivery then connects to the very address that was checked.
 */
@ApplicationScoped
public class CallbackPolicy {

    /** A checked callback: connect to {@code address}, speak to {@code host} (Host header, TLS SNI and name check). */
    public record Target(URI uri, boolean https, String host, int port, String pathAndQuery, InetAddress address) {
    }

    /** The URL is not allowed; the message is safe to show the caller. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private record Entry(String host, InetAddress network, int prefix, int port) {
        boolean matches(String urlHost, InetAddress address, int urlPort) {
            if (port >= 0 && port != urlPort) {
                return false;
            }
            if (host != null) {
                return host.equals(urlHost);
            }
            return inBlock(address, network, prefix);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern WITH_PORT = Pattern.compile("(.+):(\\d{1,5})");

    final boolean allowHttp;
    final List<Entry> allowed;
    final Function<String, InetAddress[]> resolver;

    @Inject
    public CallbackPolicy(@ConfigProperty(name = "gridguard.webhooks.allow-http") boolean allowHttp,
            @ConfigProperty(name = "gridguard.webhooks.allowed-private") Optional<List<String>> allowedPrivate) {
        this(allowHttp, allowedPrivate.orElse(List.of()), CallbackPolicy::resolve);
    }

    /** For tests: a policy with its own settings and resolver. */
    public CallbackPolicy(boolean allowHttp, List<String> allowedPrivate, Function<String, InetAddress[]> resolver) {
        this.allowHttp = allowHttp;
        this.resolver = resolver;
        List<Entry> list = new ArrayList<>();
        for (String raw : allowedPrivate) {
            if (!raw.isBlank()) {
                list.add(parse(raw.strip().toLowerCase(Locale.ROOT)));
            }
        }
        this.allowed = List.copyOf(list);
    }

    static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** Checks a URL as given (syntax and scheme) and where its host resolves now. */
    public Target check(String url) throws Refused {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new Refused("must be an absolute https URL of at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && allowHttp)) {
            throw new Refused(allowHttp ? "must use https or http" : "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not carry a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : (https ? 443 : 80);
        InetAddress[] addresses = resolver.apply(host);
        if (addresses.length == 0) {
            throw new Refused("host does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a) && !allowedPrivate(host, a, port)) {
                throw new Refused("resolves to a loopback, link-local, private or reserved address");
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        return new Target(uri, https, host, port, path, addresses[0]);
    }

    private boolean allowedPrivate(String host, InetAddress address, int port) {
        for (Entry e : allowed) {
            if (e.matches(host, address, port)) {
                return true;
            }
        }
        return false;
    }

    /** True for a globally routable unicast address. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return !(b0 == 0 // this network
                    || (b0 == 100 && (b1 & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    || (b0 == 198 && (b1 & 0xfe) == 18) // 198.18.0.0/15 benchmarking
                    || b0 >= 240); // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            boolean mappedOrCompat = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompat &= b[i] == 0;
            }
            if (mappedOrCompat) {
                return false; // ::ffff:a.b.c.d, ::a.b.c.d and friends: never needed for a real callback
            }
            if (b0 == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return (b0 & 0xe0) == 0x20; // 2000::/3 global unicast
        }
        return false;
    }

    static boolean inBlock(InetAddress a, InetAddress network, int prefix) {
        byte[] x = a.getAddress();
        byte[] n = network.getAddress();
        if (x.length != n.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            int bits = Math.min(8, Math.max(0, prefix - i * 8));
            int mask = bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff;
            if ((x[i] & mask) != (n[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isLiteral(String s) {
        return IPV4.matcher(s).matches() || s.contains(":");
    }

    static Entry parse(String raw) {
        try {
            String s = raw;
            int port = -1;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close > 0 && s.length() > close + 1 && s.charAt(close + 1) == ':') {
                    port = Integer.parseInt(s.substring(close + 2));
                }
                s = s.substring(1, close);
            } else if (s.chars().filter(c -> c == ':').count() == 1) {
                var m = WITH_PORT.matcher(s);
                if (!m.matches()) {
                    throw new IllegalArgumentException();
                }
                s = m.group(1);
                port = Integer.parseInt(m.group(2));
            }
            int slash = s.indexOf('/');
            if (slash > 0) {
                InetAddress net = literal(s.substring(0, slash));
                return new Entry(null, net, Integer.parseInt(s.substring(slash + 1)), port);
            }
            if (isLiteral(s)) {
                InetAddress a = literal(s);
                return new Entry(null, a, a.getAddress().length * 8, port);
            }
            return new Entry(s, null, 0, port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("gridguard.webhooks.allowed-private: cannot read entry '" + raw + "'");
        }
    }

    private static InetAddress literal(String s) {
        if (!isLiteral(s)) {
            throw new IllegalArgumentException();
        }
        try {
            return InetAddress.getByName(s); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException();
        }
    }
}
