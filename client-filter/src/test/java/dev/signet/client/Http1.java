// SPDX-License-Identifier: Apache-2.0
package dev.signet.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading an HTTP/1.1 request off a socket, for the hand-written test servers that need full control. */
final class Http1 {

    private Http1() {
    }

    /** The request line and header lines, up to the blank line. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line; !(line = readLine(in)).isEmpty(); ) {
            lines.add(line);
        }
        return lines;
    }

    /** The body that follows {@code head}: by Content-Length, or chunked. */
    static byte[] readBody(InputStream in, List<String> head) throws IOException {
        long contentLength = 0;
        boolean chunked = false;
        for (String line : head.subList(1, head.size())) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            return in.readNBytes((int) contentLength);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
            body.write(in.readNBytes(size));
            readLine(in);
        }
        readHead(in); // trailers
        return body.toByteArray();
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
