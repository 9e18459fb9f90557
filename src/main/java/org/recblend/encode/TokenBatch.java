package org.recblend.encode;

/**
 * Token ids of a batch of texts padded to the longest one, row-major ({@code rows * length}).
 *
 * @param rows      the number of texts
 * @param length    the padded length in tokens
 * @param ids       token ids
 * @param mask      1 for a real token, 0 for padding
 * @param typeIds   token type ids (all 0 for single sentences)
 */
record TokenBatch(int rows, int length, long[] ids, long[] mask, long[] typeIds) {
}
