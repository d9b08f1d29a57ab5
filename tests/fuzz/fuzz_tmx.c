/*
 * fuzz_tmx.c - libFuzzer harness for the TMX reader (tmx_read).
 *
 * The input is a TMX file; see fuzz_exchange.h for what is checked of every
 * concept read and of a failed read. Seeds: tests/data/fuzz/tmx/.
 */
#include "fuzz_exchange.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_input_file("tmx", data, size);
    fuzz_sniff(path, size);
    fuzz_read(tmx_read, path);
    return 0;
}
