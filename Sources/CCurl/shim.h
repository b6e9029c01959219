#ifndef DEADLINED_CCURL_SHIM_H
#define DEADLINED_CCURL_SHIM_H
#include <curl/curl.h>
#endif
