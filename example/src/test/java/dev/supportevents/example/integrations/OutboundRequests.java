package dev.supportevents.example.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A guard against traffic beyond the loopback: installed as the default {@link ProxySelector}
 * before an SDK client is built, it sees every HTTP connection that {@code HttpURLConnection},
 * OkHttp and the JDK's {@code HttpClient} open (they all ask the default selector for a route),
 * connects them directly, and remembers where they went.
 */
final class OutboundRequests extends ProxySelector {

  private final ProxySelector previous = ProxySelector.getDefault();
  private final List<URI> seen = new ArrayList<>();

  private OutboundRequests() {}

  /** Installs a new guard as the default proxy selector. */
  static OutboundRequests install() {
    OutboundRequests guard = new OutboundRequests();
    ProxySelector.setDefault(guard);
    return guard;
  }

  @Override
  public synchronized List<Proxy> select(URI uri) {
    seen.add(uri);
    return List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {}

  /**
   * Restores the previous selector and checks that every connection went to 127.0.0.1, and that the
   * guard did see the SDK connect if {@code server} received anything.
   */
  synchronized void uninstallAndCheckOnlyLoopback(LoopbackServer server) {
    ProxySelector.setDefault(previous);
    List<URI> elsewhere = new ArrayList<>();
    for (URI uri : seen) {
      if (!"127.0.0.1".equals(uri.getHost())) {
        elsewhere.add(uri);
      }
    }
    assertEquals(List.of(), elsewhere, "connections beyond the loopback");
    if (!server.requests().isEmpty()) {
      assertFalse(seen.isEmpty(), "the server was reached without asking the proxy selector");
    }
  }
}
