package dev.supportevents.example.integrations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in this JVM: one node in KRaft mode that is both broker and
 * controller, its listeners bound to 127.0.0.1 only, its data in a directory of the test. Sized for
 * a test on a small machine: few threads, one partition for internal topics, no automatic topic
 * creation.
 */
final class LoopbackKafka implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final int brokerPort;
  private final int controllerPort;

  private LoopbackKafka(KafkaRaftServer server, int brokerPort, int controllerPort) {
    this.server = server;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
  }

  /** Formats {@code directory} as a new cluster's storage and starts the node on it. */
  static LoopbackKafka start(Path directory) throws Exception {
    int brokerPort = freeLoopbackPort();
    int controllerPort = freeLoopbackPort();
    String logDirectory = directory.toAbsolutePath().toString();

    Map<String, Object> settings = new HashMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", Integer.toString(NODE_ID));
    settings.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
    settings.put(
        "listeners",
        "PLAINTEXT://"
            + LOOPBACK
            + ":"
            + brokerPort
            + ",CONTROLLER://"
            + LOOPBACK
            + ":"
            + controllerPort);
    settings.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
    settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    settings.put("controller.listener.names", "CONTROLLER");
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put("log.dirs", logDirectory);
    settings.put("auto.create.topics.enable", "false");
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("offsets.topic.num.partitions", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("transaction.state.log.num.partitions", "1");
    settings.put("share.coordinator.state.topic.replication.factor", "1");
    settings.put("share.coordinator.state.topic.min.isr", "1");
    settings.put("group.initial.rebalance.delay.ms", "0");
    settings.put("num.network.threads", "1");
    settings.put("num.io.threads", "2");
    settings.put("background.threads", "2");
    settings.put("num.recovery.threads.per.data.dir", "1");
    settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    settings.put("log.cleaner.threads", "1");

    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDirectory))
        .setMetadataLogDirectory(logDirectory)
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();

    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(settings), Time.SYSTEM);
    server.startup();
    return new LoopbackKafka(server, brokerPort, controllerPort);
  }

  /** Where clients connect: {@code 127.0.0.1:<port>}. */
  String bootstrapServers() {
    return LOOPBACK + ":" + brokerPort;
  }

  /** The ports of the broker's listeners: the clients' and the controller's. */
  List<Integer> ports() {
    return List.of(brokerPort, controllerPort);
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** A port of 127.0.0.1 that was free a moment ago. */
  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
