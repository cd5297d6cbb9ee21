// SPDX-License-Identifier: Apache-2.0
package dev.signet.examples.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as someone captured it in a file: either a raw HTTP/1.1 request (an optional request line,
 * header lines, a blank line, the body), or the {@code > } lines that {@code curl -v} prints, or just
 * {@code Name: value} lines. Whatever the file lacks, the command line supplies.
 */
record CapturedRequest(Optional<String> method, Optional<String> target, List<Header> headers, Optional<byte[]> body) {

    record Header(String name, String value) {
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) HTTP/\\d(?:\\.\\d)?");

    CapturedRequest {
        headers = List.copyOf(headers);
    }

    /** One {@code Name: value}; the value may contain colons. */
    static Header header(String line) throws UsageException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new UsageException("not a 'Name: value' header: " + line);
        }
        return new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    static CapturedRequest parse(byte[] file) throws UsageException {
        int split = headEnd(file);
        String head = new String(file, 0, split < 0 ? file.length : split, StandardCharsets.UTF_8);
        List<String> lines = head.lines().toList();
        boolean curlVerbose = lines.stream().anyMatch(l -> l.startsWith("> "));
        if (curlVerbose) {
            // Only what curl sent; "<" lines are the response and "*" lines curl's own notes.
            lines = lines.stream().filter(l -> l.startsWith(">")).map(l -> l.substring(1).trim()).toList();
        }
        Optional<String> method = Optional.empty();
        Optional<String> target = Optional.empty();
        List<Header> headers = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Matcher request = REQUEST_LINE.matcher(line.trim());
            if (method.isEmpty() && headers.isEmpty() && request.matches()) {
                method = Optional.of(request.group(1));
                target = Optional.of(request.group(2));
            } else {
                headers.add(header(line));
            }
        }
        Optional<byte[]> body = split < 0 || curlVerbose ? Optional.empty()
                : Optional.of(Arrays.copyOfRange(file, bodyStart(file, split), file.length));
        return new CapturedRequest(method, target, headers, body);
    }

    /** Where the head ends: the first empty line, CRLF or LF; -1 when the file is all head. */
    private static int headEnd(byte[] file) {
        for (int i = 0; i + 1 < file.length; i++) {
            if (file[i] == '\n' && file[i + 1] == '\n') {
                return i;
            }
            if (file[i] == '\n' && file[i + 1] == '\r' && i + 2 < file.length && file[i + 2] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int bodyStart(byte[] file, int headEnd) {
        return file[headEnd + 1] == '\r' ? headEnd + 3 : headEnd + 2;
    }
}
