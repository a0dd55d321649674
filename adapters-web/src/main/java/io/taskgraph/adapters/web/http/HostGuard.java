package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers only requests addressed to this server by one of its own names, before anything else happens. DNS
 * rebinding lets any web page reach a server on 127.0.0.1: the page's own host name is made to resolve to
 * 127.0.0.1, and the browser then sends that name as {@code Host} (and a matching {@code Origin}), so an Origin
 * check alone lets it start runs and read results. Names a page cannot choose are accepted:
 * <ul>
 * <li>{@code localhost}, {@code 127.0.0.1} and {@code [::1]}, and the address the server was bound to (unless it
 *     binds every interface), each at the port the request arrived on;</li>
 * <li>a literal IP address of the interface the request arrived on (how other machines reach a server bound to
 *     {@code 0.0.0.0}), at that port;</li>
 * <li>the names given with {@code serve --allowed-host}, at any port (a reverse proxy may address the server by
 *     its own port).</li>
 * </ul>
 * A {@code Host} without a port means port 80. Forwarding headers ({@code X-Forwarded-Host}, {@code Forwarded}) are
 * never read: any client can send them.
 */
public final class HostGuard {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");
    private static final int DEFAULT_HTTP_PORT = 80;

    private final Set<String> ownNames = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    private final Set<String> allowedNames = new LinkedHashSet<>();

    /** {@code boundHost} is what the server listens on; {@code allowedHosts} the names given with --allowed-host. */
    public HostGuard(String boundHost, List<String> allowedHosts) {
        String bound = normalized(boundHost);
        if (!WILDCARDS.contains(bound)) {
            ownNames.add(bound);
        }
        allowedHosts.forEach(name -> allowedNames.add(normalized(name)));
    }

    /** Throws {@link Problem#FORBIDDEN} unless the request is addressed to one of this server's names. */
    void check(Context ctx) {
        int port = ctx.req().getLocalPort();
        String host = ctx.header("Host");
        boolean accepted = host != null && accepts(host.strip(), ctx.req().getLocalAddr(), port)
                && accepts(authority(ctx.req().getServerName(), ctx.req().getServerPort()), ctx.req().getLocalAddr(), port);
        if (!accepted) {
            throw new WebException(Problem.FORBIDDEN, refusal(host, port));
        }
    }

    private boolean accepts(String hostHeader, String localAddress, int localPort) {
        Optional<Authority> parsed = Authority.parse(hostHeader);
        if (parsed.isEmpty()) {
            return false;
        }
        Authority authority = parsed.get();
        if (allowedNames.contains(authority.name())) {
            return true;
        }
        boolean ownName = ownNames.contains(authority.name()) || isAddressOf(authority.name(), localAddress);
        return ownName && authority.port().orElse(DEFAULT_HTTP_PORT) == localPort;
    }

    /** Whether {@code name} is a literal IP address, and the one the request arrived on. */
    private static boolean isAddressOf(String name, String localAddress) {
        if (localAddress == null || !(IPV4.matcher(name).matches() || name.contains(":"))) {
            return false; // a host name: never looked up, a page could make it resolve to anything
        }
        try {
            return InetAddress.getByName(name).equals(InetAddress.getByName(localAddress));
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private String refusal(String host, int port) {
        List<String> names = new ArrayList<>();
        ownNames.forEach(n -> names.add(n.contains(":") ? "[" + n + "]" : n));
        String addressedTo = host == null || host.isBlank() ? "no host at all (the request has no Host header)"
                : "'" + host.strip() + "'";
        String suggestion = Authority.parse(host == null ? "" : host.strip()).map(Authority::name)
                .filter(n -> !n.isEmpty()).map(n -> n.contains(":") ? "[" + n + "]" : n).orElse("NAME");
        return "Refused: this request was addressed to " + addressedTo + ", which is not a name of this server. It "
                + "answers to " + String.join(", ", names) + " and the IP addresses it listens on, at port " + port
                + (allowedNames.isEmpty() ? "" : ", and to " + String.join(", ", allowedNames))
                + ". A web page may be trying to reach it through DNS rebinding, so nothing was done. If you use that "
                + "name on purpose (a name on your network, a reverse proxy), restart the server with "
                + "--allowed-host " + suggestion + ".";
    }

    private static String authority(String name, int port) {
        return (name != null && name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name) + ":" + port;
    }

    /** A host name or address, lower case, without IPv6 brackets or the final dot of a fully qualified name. */
    static String normalized(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** The {@code host[:port]} of a Host header, IPv6 addresses in brackets. */
    private record Authority(String name, Optional<Integer> port) {
        static Optional<Authority> parse(String text) {
            if (text == null || text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
                return Optional.empty();
            }
            String name = text;
            String port = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    return Optional.empty();
                }
                name = text.substring(0, close + 1);
                String rest = text.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return Optional.empty();
                    }
                    port = rest.substring(1);
                }
            } else {
                int colon = text.lastIndexOf(':');
                if (colon >= 0) {
                    if (text.indexOf(':') != colon) {
                        return Optional.empty(); // an IPv6 address must be in brackets
                    }
                    name = text.substring(0, colon);
                    port = text.substring(colon + 1);
                }
            }
            try {
                Optional<Integer> number = port == null ? Optional.empty() : Optional.of(Integer.parseInt(port));
                if (number.isPresent() && (number.get() < 1 || number.get() > 65535)) {
                    return Optional.empty();
                }
                return Optional.of(new Authority(normalized(name), number));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
