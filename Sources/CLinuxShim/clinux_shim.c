#define _GNU_SOURCE
#include "clinux_shim.h"
#include <pthread.h>
#include <malloc.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

int clinux_realtime_timerfd(void) {
    return timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC);
}

int clinux_timerfd_arm_absolute(int fd, int64_t at) {
    struct itimerspec spec = {0};
    spec.it_value.tv_sec = at > 0 ? (time_t)at : 1;
    return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL);
}

int clinux_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int clinux_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = 0;
    return pthread_setname_np(pthread_self(), truncated);
}

int32_t clinux_thread_id(void) {
    return (int32_t)syscall(SYS_gettid);
}

int clinux_malloc_trim(void) {
    return malloc_trim(0);
}
