// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP/1.1 server on loopback that gives every request the same canned answer, headers exactly as
 * scripted: a proxy's or an impostor's 401 with any {@code Date}, a redirect. (The JDK's HttpServer always
 * writes its own {@code Date}, hence a socket.) Records the head of each request it received.
 */
final class ScriptedServer implements AutoCloseable {

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<List<String>> received = new ConcurrentLinkedQueue<>();

    private ScriptedServer(int status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = new LinkedHashMap<>(headers);
        this.body = body.getBytes(StandardCharsets.UTF_8);
        try {
            this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(this::acceptLoop);
    }

    /** Answers {@code status} with {@code headers} and a body of {@code contentType}. */
    static ScriptedServer answering(int status, Map<String, String> headers, String contentType, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ScriptedServer(status, all, body);
    }

    /** A 307 to {@code location}, with no body. */
    static ScriptedServer redirectingTo(URI location) {
        return new ScriptedServer(307, Map.of("Location", location.toString()), "");
    }

    /** An HTTP date, as a {@code Date} header carries it. */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** The request line and header lines of each request received, in arrival order. */
    List<List<String>> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.execute(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = Http1.readHead(in);
            Http1.readBody(in, head);
            received.add(List.copyOf(head));
            StringBuilder answer = new StringBuilder("HTTP/1.1 ").append(status).append(" Scripted\r\n");
            headers.forEach((name, value) -> answer.append(name).append(": ").append(value).append("\r\n"));
            answer.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = client.getOutputStream();
            out.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException broken) {
            // the test sees the failed call
        }
    }
}
