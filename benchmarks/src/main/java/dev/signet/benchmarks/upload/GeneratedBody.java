// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.upload;

import java.io.InputStream;

/**
 * A long, deterministic pseudo-random byte stream generated on the fly (xorshift64*): a 1 GiB body that is
 * never in memory and never on the client's disk, and that can be produced twice identically, once to
 * hash it before signing and once to send it.
 */
final class GeneratedBody extends InputStream {

    private final long length;
    private long position;
    private long state;
    private long word;
    private int wordLeft;

    GeneratedBody(long length, long seed) {
        this.length = length;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    private long nextWord() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return state * 0x2545F4914F6CDD1DL;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            if (wordLeft == 0) {
                word = nextWord();
                wordLeft = 8;
            }
            b[off + i] = (byte) word;
            word >>>= 8;
            wordLeft--;
        }
        position += n;
        return n;
    }
}
