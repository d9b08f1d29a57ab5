/*
 * fuzz_tbx.c - libFuzzer harness for the TBX reader (tbx_read: TBX v2
 * <martif> and v3 <tbx>).
 *
 * The input is a TBX file; see fuzz_exchange.h for what is checked of every
 * concept read and of a failed read. Seeds: tests/data/fuzz/tbx/.
 */
#include "fuzz_exchange.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_input_file("tbx", data, size);
    fuzz_sniff(path, size);
    fuzz_read(tbx_read, path);
    return 0;
}
