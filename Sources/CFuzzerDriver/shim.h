// libFuzzer's driver, for executables that have their own `main` (SwiftPM gives every
// executable one). Linked only by the fuzz build, through -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
