package org.gridguard.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that counts the bytes really read and lets a subclass refuse more (a body limit, a zip bomb guard). */
public abstract class CountingInputStream extends FilterInputStream {
    private long count;

    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /** Called after each read of {@code n > 0} bytes, {@code count} in all: throw to refuse the stream. */
    protected abstract void counted(long n, long count) throws IOException;

    private void add(long n) throws IOException {
        if (n > 0) {
            count += n;
            counted(n, count);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        add(n);
        return n;
    }
}
