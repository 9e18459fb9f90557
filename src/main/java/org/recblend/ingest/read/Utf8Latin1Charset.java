package org.recblend.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, reading each byte that is not part of a valid UTF-8 sequence as Latin-1. Files
 * glued together from UTF-8 and Latin-1 parts (Last.fm's tags.dat is one) then read correctly in
 * both parts instead of turning one of them into mojibake. Decoding only.
 */
final class Utf8Latin1Charset extends Charset {
    static final String NAME = "X-UTF-8-LATIN-1";
    static final Utf8Latin1Charset INSTANCE = new Utf8Latin1Charset();

    private Utf8Latin1Charset() {
        super(NAME, null);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs.equals(StandardCharsets.US_ASCII) || cs.equals(this);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new Decoder(this);
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public CharsetEncoder newEncoder() {
        throw new UnsupportedOperationException(NAME + " only decodes");
    }

    private static final class Decoder extends CharsetDecoder {
        Decoder(Charset cs) {
            super(cs, 1f, 1f);
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                int pos = in.position();
                int b = in.get(pos) & 0xff;
                int need = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (need <= 0) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((char) b); // ASCII, or a stray byte read as Latin-1
                    in.position(pos + 1);
                    continue;
                }
                int valid = validContinuations(in, pos, b, need);
                if (valid < need && pos + 1 + valid == in.limit()) {
                    return CoderResult.UNDERFLOW; // the sequence may continue in the next buffer
                }
                if (valid < need) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put((char) b);
                    in.position(pos + 1);
                    continue;
                }
                int cp = b & (0x3F >> need);
                for (int i = 1; i <= need; i++) {
                    cp = (cp << 6) | (in.get(pos + i) & 0x3F);
                }
                int chars = Character.charCount(cp);
                if (out.remaining() < chars) {
                    return CoderResult.OVERFLOW;
                }
                if (chars == 1) {
                    out.put((char) cp);
                } else {
                    out.put(Character.highSurrogate(cp));
                    out.put(Character.lowSurrogate(cp));
                }
                in.position(pos + 1 + need);
            }
            return CoderResult.UNDERFLOW;
        }

        @Override
        protected CoderResult implFlush(CharBuffer out) {
            return CoderResult.UNDERFLOW;
        }

        /** How many of the needed continuation bytes are present and valid (stops at the first bad one). */
        private static int validContinuations(ByteBuffer in, int pos, int lead, int need) {
            int count = 0;
            for (int i = 1; i <= need && pos + i < in.limit(); i++) {
                int c = in.get(pos + i) & 0xff;
                int lo = 0x80;
                int hi = 0xBF;
                if (i == 1) {
                    lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
                    hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
                }
                if (c < lo || c > hi) {
                    return count;
                }
                count++;
            }
            return count;
        }
    }
}
