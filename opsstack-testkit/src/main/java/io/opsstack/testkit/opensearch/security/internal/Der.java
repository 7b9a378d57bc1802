package io.opsstack.testkit.opensearch.security.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The few ASN.1 DER encodings an X.509 v3 certificate needs. */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Der() {
    }

    static byte[] sequence(byte[]... contents) {
        return constructed(SEQUENCE, contents);
    }

    static byte[] set(byte[]... contents) {
        return constructed(SET, contents);
    }

    /** A constructed value: {@code tag}, length, then the concatenated {@code contents}. */
    static byte[] constructed(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        return value(tag, body.toByteArray());
    }

    static byte[] integer(BigInteger number) {
        return value(0x02, number.toByteArray());
    }

    static byte[] bool(boolean flag) {
        return value(0x01, new byte[] {(byte) (flag ? 0xFF : 0x00)});
    }

    static byte[] nullValue() {
        return value(0x05, new byte[0]);
    }

    static byte[] octetString(byte[] bytes) {
        return value(0x04, bytes);
    }

    static byte[] utf8String(String text) {
        return value(0x0C, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utcTime(Instant instant) {
        return value(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** A BIT STRING of whole bytes (signatures, key identifiers). */
    static byte[] bitString(byte[] bytes) {
        byte[] body = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, body, 1, bytes.length);
        return value(0x03, body);
    }

    /** A BIT STRING of named bits (bit 0 is the most significant bit of the first byte), as key usage needs. */
    static byte[] namedBits(int... bits) {
        int highest = 0;
        for (int bit : bits) {
            highest = Math.max(highest, bit);
        }
        byte[] body = new byte[highest / 8 + 2];
        for (int bit : bits) {
            body[1 + bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        body[0] = (byte) (7 - highest % 8);
        return value(0x03, body);
    }

    static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int group = groups - 1; group >= 0; group--) {
                int sevenBits = (int) ((arc >>> (7 * group)) & 0x7F);
                body.write(group == 0 ? sevenBits : sevenBits | 0x80);
            }
        }
        return value(0x06, body.toByteArray());
    }

    /** A primitive value: {@code tag}, definite length, {@code body}. */
    static byte[] value(int tag, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
        out.write(tag);
        int length = body.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }
}
