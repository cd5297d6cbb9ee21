// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.idempotency;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the shared store keeps under one (API key, Idempotency-Key), as text: the first request's
 * fingerprint and either that it is still running, its whole response, or that its response was too
 * large to keep.
 */
sealed interface IdempotencyRecord {

    /** SHA-256 of the request's method, path, query and body, hex. */
    String fingerprint();

    String encode();

    /** The first request is running; {@code owner} is unique to it, so only it completes the record. */
    record InFlight(String fingerprint, String owner, long startedAt) implements IdempotencyRecord {
        @Override
        public String encode() {
            return "P\n" + fingerprint + '\n' + owner + '\n' + startedAt;
        }
    }

    /**
     * The first request's response: status, the headers the application set (in order), body bytes. A class,
     * not a record: it holds an array, copied in and out so that a record read from the store stays as read.
     */
    final class Completed implements IdempotencyRecord {

        private final String fingerprint;
        private final int status;
        private final List<Map.Entry<String, String>> headers;
        private final byte[] body;

        Completed(String fingerprint, int status, List<Map.Entry<String, String>> headers, byte[] body) {
            this.fingerprint = fingerprint;
            this.status = status;
            this.headers = List.copyOf(headers);
            this.body = body.clone();
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }

        int status() {
            return status;
        }

        List<Map.Entry<String, String>> headers() {
            return headers;
        }

        byte[] body() {
            return body.clone();
        }

        /** Whether every header fits on a line (no CR or LF), so that the record can be written. */
        boolean storable() {
            return headers.stream().allMatch(h -> oneLine(h.getKey()) && oneLine(h.getValue()));
        }

        @Override
        public String encode() {
            StringBuilder out = new StringBuilder(64 + body.length * 4 / 3);
            out.append("C\n").append(fingerprint).append('\n').append(status).append('\n').append(headers.size()).append('\n');
            for (Map.Entry<String, String> h : headers) {
                out.append(h.getKey()).append('\n').append(h.getValue()).append('\n');
            }
            return out.append(Base64.getEncoder().encodeToString(body)).toString();
        }

        private static boolean oneLine(String text) {
            return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
        }
    }

    /** The first request was answered with {@code status}, but its response was larger than the store keeps. */
    record NotKept(String fingerprint, int status) implements IdempotencyRecord {
        @Override
        public String encode() {
            return "N\n" + fingerprint + '\n' + status;
        }
    }

    static IdempotencyRecord decode(String text) {
        String[] lines = text.split("\n", -1);
        return switch (lines[0]) {
            case "P" -> new InFlight(lines[1], lines[2], Long.parseLong(lines[3]));
            case "N" -> new NotKept(lines[1], Integer.parseInt(lines[2]));
            case "C" -> {
                int status = Integer.parseInt(lines[2]);
                int count = Integer.parseInt(lines[3]);
                List<Map.Entry<String, String>> headers = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    headers.add(Map.entry(lines[4 + 2 * i], lines[5 + 2 * i]));
                }
                yield new Completed(lines[1], status, headers, Base64.getDecoder().decode(lines[4 + 2 * count]));
            }
            default -> throw new IllegalArgumentException("not an idempotency record");
        };
    }
}
