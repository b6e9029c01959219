/*
 * Typed, non-variadic wrappers around libcurl's variadic calls.
 *
 * Swift cannot call C variadic functions such as curl_easy_setopt(), so each
 * argument type libcurl accepts gets one wrapper here. Every symbol is
 * prefixed `ccurl_` so it never clashes with libcurl's own names.
 */
#ifndef DEADLINED_CCURL_SHIM_H
#define DEADLINED_CCURL_SHIM_H

#include <curl/curl.h>

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_easy_setopt_write_function(CURL *handle, curl_write_callback callback);
CURLcode ccurl_easy_setopt_read_function(CURL *handle, curl_read_callback callback);
CURLcode ccurl_easy_setopt_header_function(CURL *handle, curl_write_callback callback);
CURLcode ccurl_easy_setopt_debug_function(CURL *handle, curl_debug_callback callback);
CURLcode ccurl_easy_setopt_sockopt_function(CURL *handle, curl_sockopt_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/* CURLOPT_XFERINFOFUNCTION: progress callback, used to abort a transfer on cancellation. */
CURLcode ccurl_easy_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback callback);
/* A blob option (e.g. CURLOPT_CAINFO_BLOB) that libcurl copies, so the caller's buffer may go away. */
CURLcode ccurl_easy_setopt_blob_copy(CURL *handle, CURLoption option, const void *data, size_t length);
/* CURLOPT_MAIL_RCPT_ALLOWFAILS, spelled CURLOPT_MAIL_RCPT_ALLLOWFAILS before libcurl 8.2. */
CURLcode ccurl_easy_setopt_mail_rcpt_allowfails(CURL *handle, long value);

/* The built-in default CA bundle file and directory of the linked libcurl; may be NULL. */
const char *ccurl_default_cainfo(void);
const char *ccurl_default_capath(void);

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* The version string of the libcurl actually linked, e.g. "8.5.0". */
const char *ccurl_version(void);

#endif
