// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A man in the middle for HTTP/1.1 on loopback: reads each request, lets a function rewrite its body, and
 * forwards it to the real server with a corrected {@code Content-Length}, then relays the answer. One
 * request per connection ({@code Connection: close}), which is all the tests need.
 */
final class TamperingProxy implements AutoCloseable {

    private final URI target;
    private final UnaryOperator<byte[]> rewriteBody;
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    TamperingProxy(URI target, UnaryOperator<byte[]> rewriteBody) {
        this.target = target;
        this.rewriteBody = rewriteBody;
        try {
            this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.execute(this::acceptLoop);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
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
                executor.execute(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(target.getHost(), target.getPort())) {
            InputStream in = client.getInputStream();
            List<String> head = Http1.readHead(in);
            byte[] body = Http1.readBody(in, head);
            byte[] rewritten = rewriteBody.apply(body);
            StringBuilder forwarded = new StringBuilder(head.get(0)).append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                    forwarded.append(line).append("\r\n");
                }
            }
            forwarded.append("Content-Length: ").append(rewritten.length).append("\r\n")
                    .append("Connection: close\r\n\r\n");
            OutputStream toServer = server.getOutputStream();
            toServer.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            toServer.write(rewritten);
            toServer.flush();
            // The server closes after its answer (Connection: close): relay until then.
            server.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException broken) {
            // the test sees the failed call
        }
    }
}
