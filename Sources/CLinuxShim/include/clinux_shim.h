/*
 * Linux calls that Swift's Glibc module does not export: timerfd, eventfd, thread names and ids, malloc_trim.
 * Every symbol is prefixed `clinux_`.
 */
#ifndef DEADLINED_CLINUX_SHIM_H
#define DEADLINED_CLINUX_SHIM_H

#include <stdint.h>
#include <time.h>

/* A CLOCK_REALTIME timerfd (close-on-exec), or -1 with errno set. */
int clinux_realtime_timerfd(void);

/* Arms it to fire at the absolute wall-clock second `at`, and to fail reads with ECANCELED when the clock is set. */
int clinux_timerfd_arm_absolute(int fd, int64_t at);

/* A non-blocking, close-on-exec eventfd, or -1. */
int clinux_eventfd(void);

/* Names the calling thread as `ps -L` and `/proc/PID/task/TID/comm` show it (at most 15 bytes are kept). */
int clinux_set_thread_name(const char *name);

/* The kernel's id of the calling thread (gettid). */
int32_t clinux_thread_id(void);

/* Returns the free memory at the top and inside malloc's heaps to the system (malloc_trim(0)); 1 if any was. */
int clinux_malloc_trim(void);

#endif
