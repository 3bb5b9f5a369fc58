#ifndef CERTGUIDE_CCMARK_SHIM_H
#define CERTGUIDE_CCMARK_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <cmark.h>
#endif
