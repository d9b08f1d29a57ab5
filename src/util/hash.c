/*
 * hash.c - FNV-1a, 64 bits (Fowler, Noll, Vo; draft-eastlake-fnv), over a
 * document's bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util/hash.h"
#include "util/banned.h"

void content_hash_init(struct content_hash *h)
{
    memset(h, 0, sizeof(*h));
    h->state = 0xcbf29ce484222325ull; /* FNV-1a offset basis */
    snprintf(h->hex, sizeof(h->hex), "fnv1a64:%016llx", (unsigned long long)h->state);
}

void content_hash_add(struct content_hash *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t v = h->state;
    for (size_t i = 0; i < len; i++) {
        v ^= p[i];
        v *= 0x100000001b3ull;
    }
    h->bytes += len;
    h->state = v;
    snprintf(h->hex, sizeof(h->hex), "fnv1a64:%016llx", (unsigned long long)v);
}

int content_hash_file(const char *path, struct content_hash *out)
{
    char buf[65536];
    FILE *fp = fopen(path, "rb");
    size_t n;
    int saved;

    content_hash_init(out);
    if (!fp)
        return -1;
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        content_hash_add(out, buf, n);
    if (ferror(fp)) {
        saved = errno;
        fclose(fp);
        errno = saved ? saved : EIO;
        return -1;
    }
    fclose(fp);
    return 0;
}
